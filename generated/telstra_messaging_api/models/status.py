from enum import StrEnum


class Status(StrEnum):
    DELETED = "DELETED"
    DELIVRD = "DELIVRD"
    EXPIRED = "EXPIRED"
    PEND = "PEND"
    READ = "READ"
    REJECTED = "REJECTED"
    SENT = "SENT"
    UNDVBL = "UNDVBL"

    def __str__(self) -> str:
        return str(self.value)
