from enum import StrEnum


class MessageType(StrEnum):
    MMS = "MMS"
    RCS = "RCS"
    SMS = "SMS"

    def __str__(self) -> str:
        return str(self.value)
