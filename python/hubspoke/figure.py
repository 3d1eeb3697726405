"""Figures: the bytes hubspoke draws, shown inline by Jupyter."""
import os
import tempfile


class Figure:
    """A figure drawn by Model.render() or Model.evolve().

    `format` is "svg", "png", "pdf" or "dot"; `data` the bytes. Jupyter and
    IPython show an SVG or PNG figure inline (_repr_svg_, _repr_png_). save(path) writes it atomically.
    """

    def __init__(self, data, format):
        self.data = bytes(data)
        self.format = format

    @property
    def text(self):
        """The SVG or DOT source as str (ValueError for PNG and PDF)."""
        if self.format not in ("svg", "dot"):
            raise ValueError("a %s figure is binary; use .data" % self.format)
        return self.data.decode("utf-8")

    def __repr__(self):
        return "<hubspoke.Figure %s, %d bytes>" % (self.format, len(self.data))

    def _repr_svg_(self):
        return self.text if self.format == "svg" else None

    def _repr_png_(self):
        return self.data if self.format == "png" else None

    def save(self, path):
        """Write the figure to `path` through a temporary file renamed into
        place, so a failure never leaves a half-written file."""
        path = os.fspath(path)
        directory = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(prefix=os.path.basename(path) + ".tmp.", dir=directory)
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)  # as open() would create it, not mkstemp's 0600
            with os.fdopen(fd, "wb") as f:
                f.write(self.data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
