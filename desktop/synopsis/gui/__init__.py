"""The desktop app (PySide6). The only package that imports QtWidgets; see app.run."""
