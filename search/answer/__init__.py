"""The answer room: candidates, constraints, values, confidence, and the Answerer over them."""

from search.answer.answerer import Answerer, AnswerParams, Decision
from search.answer.values import readable

__all__ = ["AnswerParams", "Answerer", "Decision", "readable"]
