"""Expression capture and expression-aware content push.

Pipeline (each stage a plain function over arrays, no Qt):

    frames (camera / video / images)  ->  landmarker (MediaPipe Face Landmarker: 52 blendshapes,
    478 landmarks)  ->  features (blendshapes + landmark geometry)  ->  classifier (per-frame
    evidence, per-user neutral baseline, peak window)  ->  analysis (expression + listening
    history by time of day -> behaviour label -> track from the catalogue)  ->  push record.
"""
from engine.expressions.classifier import CLASSES

__all__ = ["CLASSES"]
