"""Table contracts: great_expectations suites for the claim table and the findings table.

:mod:`.suites` states what each table must satisfy, :mod:`.frames` builds the frames the
suites read (the tables plus the derived columns a check needs: the source's length, whether
``text[start:end]`` is the claim's text, whether a finding's fact and evidence exist), and
:mod:`.validate` runs the suites over a run, part by part, and sums the outcomes up.
"""
