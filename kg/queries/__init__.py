"""Named SPARQL queries shipped as package data (`kg query --name NAME`)."""
