"""The claim matrix of many sources: table model, heat map and the window hosting them."""
from .heatmap import HeatMapWidget
from .model import MatrixModel, MatrixProxy
from .window import CollectionWindow

__all__ = ["CollectionWindow", "HeatMapWidget", "MatrixModel", "MatrixProxy"]
