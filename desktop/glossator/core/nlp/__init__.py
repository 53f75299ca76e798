"""Natural-language analysis: model loading, the claims component and entity post-processing."""
