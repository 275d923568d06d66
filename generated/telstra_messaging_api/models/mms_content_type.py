from enum import StrEnum


class MMSContentType(StrEnum):
    AUDIO3GPP = "audio/3gpp"
    AUDIOAAC = "audio/aac"
    AUDIOAMR = "audio/amr"
    AUDIOMP3 = "audio/mp3"
    AUDIOMP4 = "audio/mp4"
    AUDIOMPEG = "audio/mpeg"
    AUDIOMPEG3 = "audio/mpeg3"
    AUDIOMPG = "audio/mpg"
    AUDIOWAV = "audio/wav"
    IMAGEBMP = "image/bmp"
    IMAGEGIF = "image/gif"
    IMAGEJPEG = "image/jpeg"
    IMAGEJPG = "image/jpg"
    IMAGEPNG = "image/png"
    TEXTPLAIN = "text/plain"
    TEXTX_VCALENDAR = "text/x-vCalendar"
    TEXTX_VCARD = "text/x-vCard"
    VIDEO3GP = "video/3gp"
    VIDEO3GPP = "video/3gpp"
    VIDEOH263 = "video/h263"
    VIDEOMP4 = "video/mp4"
    VIDEOMPEG = "video/mpeg"
    VIDEOMPEG4 = "video/mpeg4"

    def __str__(self) -> str:
        return str(self.value)
