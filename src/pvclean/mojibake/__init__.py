"""Repair of text decoded with the wrong codec (the mojibake step's library).

``scan`` finds suspicious runs and dispatches them; ``latin`` wraps ftfy (UTF-8 read as a
single-byte codec); ``redecode`` tries whole-run codec paths; ``gbk`` realigns GBK runs that
lost a byte; ``model`` judges every candidate by how much it reads like Chinese.
"""
