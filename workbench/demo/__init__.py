"""The demo survey shipped with the package (answers.csv, questions.yaml) and its project builder."""
