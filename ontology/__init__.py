"""The kg ontology, shapes and lexicons as package data (installed as `kg.ontology`)."""
