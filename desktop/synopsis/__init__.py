"""Synopsis: compare news articles passage by passage — shared, paraphrased, unique."""

__version__ = "0.1.0"
APP_NAME = "Synopsis"
