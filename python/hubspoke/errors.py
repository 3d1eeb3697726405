"""The exceptions of hubspoke: one class per error code of the C library
(include/hubspoke/error.h), each carrying the library's one-line message.

    try:
        hubspoke.read("broken.gv")
    except hubspoke.InputError as e:
        print(e)        # broken.gv:3: edge JPN -> KOR: unknown kind 'alliance'
        print(e.code)   # HS_EINPUT

Each class also derives from the built-in exception a Python programmer would
catch for the same failure (ValueError, OSError, MemoryError, TimeoutError).
"""


class Error(Exception):
    """Every failure hubspoke reports. `code` is the C library's error name
    ("HS_EINPUT", ...), `message` its one-line message."""

    code = "HS_E?"

    def __init__(self, message, code=None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class InputError(Error, ValueError):
    """A file, codebook or value read from one is invalid (HS_EINPUT)."""

    code = "HS_EINPUT"


class LimitError(InputError):
    """A file holds more states or ties than the load limits allow (HS_ELIMIT);
    see hubspoke.set_load_limits()."""

    code = "HS_ELIMIT"


class FileError(Error, OSError):
    """Reading or writing a file or pipe failed (HS_EIO)."""

    code = "HS_EIO"


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory (HS_ENOMEM)."""

    code = "HS_ENOMEM"


class ArgumentError(Error, ValueError):
    """An invalid argument: an id that names nothing active in the year, an
    unknown kind or engine, a value out of range (HS_EARG)."""

    code = "HS_EARG"


class HelperError(Error):
    """The hubspoke-dot helper (DOT reading, figures) could not run or crashed (HS_EHELPER)."""

    code = "HS_EHELPER"


class HelperTimeoutError(HelperError, TimeoutError):
    """The hubspoke-dot helper ran longer than its time limit (HS_ETIMEOUT);
    see hubspoke.set_helper_timeout()."""

    code = "HS_ETIMEOUT"


class InternalError(Error):
    """A bug or an unexpected failure inside a dependency (HS_EINTERNAL)."""

    code = "HS_EINTERNAL"


class LibraryNotFound(Error, ImportError):
    """libhubspoke or its declarations (hubspoke.cdef) could not be found or
    do not fit this package (docs/python.md, "Where the library is found")."""

    code = "library"


class InputWarning(UserWarning):
    """A problem in a file that is valid in form but may not mean what its
    author meant (a check's warning, docs/schema.md, "Checks"), or something
    an export left out; issued with warnings.warn, the library's one-line
    message as its text. Make them errors with
    warnings.simplefilter("error", hubspoke.InputWarning)."""


_BY_CODE = {c.code: c for c in (InputError, LimitError, FileError, OutOfMemoryError, ArgumentError,
                                 HelperError, HelperTimeoutError, InternalError)}


def from_code(code, message):
    """The exception for a library error code's name."""
    return _BY_CODE.get(code, Error)(message, code)
