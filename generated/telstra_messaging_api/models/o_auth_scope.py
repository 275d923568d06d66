from enum import StrEnum


class OAuthScope(StrEnum):
    NSMS = "NSMS"

    def __str__(self) -> str:
        return str(self.value)
