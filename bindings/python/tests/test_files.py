"""File arguments (record, report, plot, replicate_data, batch, a report's
path) of the wrong kind or naming a place that cannot hold the file: an
InvalidInput naming the argument, and nothing written."""
import os

import pytest

import gsd


def test_a_batch_that_is_a_directory_is_named(tmp_path):
    # The stream failed on its first read: an OSError naming no argument.
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(batch=tmp_path)
    assert e.value.path == ("batch",)
    assert str(e.value) == f"batch = {tmp_path} is a directory; name a batch file (JSON lines) inside it"
