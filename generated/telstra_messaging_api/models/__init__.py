"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .inbound_poll_response import InboundPollResponse
from .message import Message
from .message_sent_response import MessageSentResponse
from .message_type import MessageType
from .mms_content import MMSContent
from .mms_content_type import MMSContentType
from .o_auth_provider import OAuthProvider
from .o_auth_provider_error import OAuthProviderError
from .o_auth_scope import OAuthScope
from .o_auth_token import OAuthToken
from .o_auth_token_request import OAuthTokenRequest
from .o_auth_token_request_grant_type import OAuthTokenRequestGrantType
from .outbound_poll_response import OutboundPollResponse
from .send_mms_request import SendMMSRequest
from .send_sms_request import SendSMSRequest
from .status import Status

__all__ = (
    "Error",
    "InboundPollResponse",
    "MMSContent",
    "MMSContentType",
    "Message",
    "MessageSentResponse",
    "MessageType",
    "OAuthProvider",
    "OAuthProviderError",
    "OAuthScope",
    "OAuthToken",
    "OAuthTokenRequest",
    "OAuthTokenRequestGrantType",
    "OutboundPollResponse",
    "SendMMSRequest",
    "SendSMSRequest",
    "Status",
)
