"""Evaluation on gold annotations: metrics, baselines and the scorecard."""
