"""Python SDK for the Telstra Messaging API v2."""
