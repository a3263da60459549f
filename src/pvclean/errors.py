"""The errors pvclean reports about its input. Each message names the input and the reason,
so the command line can print it as one line with no traceback."""


class PvcleanError(Exception):
    """Base of every error that is about the input, not a bug in pvclean."""


class BinaryInputError(PvcleanError):
    """The input is binary data (an image, an archive), not text."""


class DecodeError(PvcleanError):
    """The bytes are in no encoding pvclean can identify."""


class InputTooLargeError(PvcleanError):
    """The input is larger than the size limit the user set."""
