"""The I/O side of the domain: the project's paths and the environment's defaults, the knowledge files
read and validated, the caches, the word-frequency lexicon, the database driver's URLs. It reads and
hands core/ what core/ computes on; core/ never imports it.
"""
