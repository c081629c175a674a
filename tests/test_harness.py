"""The page harness fails when it should, skips with a reason, and rewrites in accept mode."""
import textwrap

import pytest
from sybil.example import SybilFailure
from sybil.testing import check_parser

from booktools.sybil_pages import ACCEPTED, RUNS, parse_page

FENCE = "```"


@pytest.fixture(autouse=True)
def fresh_runs():
    """These tests check many pages under the same name: each starts with no chapter run yet."""
    RUNS.clear()
    yield
    RUNS.clear()


@pytest.fixture
def snippet(tmp_path):
    """A snippet file with sections; returns a function that writes a page embedding one."""
    code = tmp_path / "chapter.py"
    code.write_text(textwrap.dedent("""\
        # --8<-- [start:shape]
        import torch
        t = torch.zeros(3, 4)
        print(t.shape, 0.7812)
        # --8<-- [end:shape]
        # --8<-- [start:silent]
        x = 1
        # --8<-- [end:silent]
        # --8<-- [start:device]
        print("on cuda:0")
        # --8<-- [end:device]
    """))

    def page(section, output=None, before="", between=""):
        text = f'{before}{FENCE}python\n--8<-- "{code}:{section}"\n{FENCE}\n'
        if output is not None:
            text += f"\n{between}{FENCE}output\n{output}\n{FENCE}\n"
        return text

    return page


def failure(text):
    with pytest.raises(SybilFailure) as caught:
        check_parser(parse_page, text)
    return caught.value.result


def check_parser_all(text, name="page.md"):
    """Evaluate every example of a page; return the failure messages joined."""
    from sybil.document import Document
    document = Document(text, name)
    for region in parse_page(document):
        document.add(region)
    messages = []
    for example in document.examples():
        try:
            example.evaluate()
        except SybilFailure as failed:
            messages.append(failed.result)
    return "\n".join(messages)


def test_matching_output_passes(snippet):
    check_parser(parse_page, snippet("shape", "torch.Size([3, 4]) 0.7812"))


def test_spacing_and_trailing_blanks_do_not_matter(snippet):
    check_parser(parse_page, snippet("shape", "torch.Size([3,  4])   0.78120   \n\n"))


def test_changed_number_fails_with_a_diff_naming_page_and_section(snippet):
    message = failure(snippet("shape", "torch.Size([3, 4]) 0.7813"))
    assert "expected 0.7813, got 0.7812" in message
    assert ":shape" in message and "chapter.py" in message
    assert "-torch.Size([3, 4]) 0.7813" in message and "+torch.Size([3, 4]) 0.7812" in message


def test_changed_shape_fails(snippet):
    assert "expected 4, got 3" in failure(snippet("shape", "torch.Size([4, 4]) 0.7812"))
    message = failure(snippet("shape", "torch.Size([3, 4, 1]) 0.7812"))
    assert "expected ','" in message and "got '])'" in message


def test_missing_section_is_a_clear_failure(snippet):
    assert "has no section 'nowhere'" in failure(snippet("nowhere", "x"))


def test_missing_snippet_file_is_a_clear_failure():
    text = f'{FENCE}python\n--8<-- "snippets/no/such.py:x"\n{FENCE}\n'
    assert "snippet file snippets/no/such.py does not exist" in failure(text)


def test_output_block_with_no_code_before_it_fails():
    assert "output block with no embedded Python block before it" in failure(f"Text.\n\n{FENCE}output\n1\n{FENCE}\n")


def test_output_block_after_prose_is_not_attached_to_the_code(snippet):
    text = snippet("silent") + f"\nSome prose.\n\n{FENCE}output\n1\n{FENCE}\n"
    document = check_parser_all(text)
    assert "no embedded Python block before it" in document


@pytest.mark.parametrize("between", ["", f"{FENCE}output\n1\n{FENCE}\n\n"], ids=["after code", "after its output"])
def test_a_plain_block_right_after_code_fails(snippet, between):
    text = snippet("silent") + f"\n{between}{FENCE}text\nloss: 1.23\n{FENCE}\n"
    assert "reads as its checked output" in check_parser_all(text)


def test_a_quoted_output_in_its_box_is_left_alone(snippet):
    quoted = f'\n!!! quoted "Output from the source note, not re-checked"\n    {FENCE}text\n    loss: 1.23\n    {FENCE}\n'
    assert check_parser_all(snippet("silent") + quoted) == ""


def test_unclosed_fence_fails():
    assert "line 3: a code fence that is never closed" in failure(f"Intro.\n\n{FENCE}python\nprint('never checked')\n")


def test_embed_without_a_section_says_how_to_write_it():
    message = failure(f'{FENCE}python\n--8<-- "snippets/part1/tensors.py"\n{FENCE}\n')
    assert 'an embed names a file and a section: --8<-- "snippets/FILE.py:SECTION"' in message


def test_unmarked_python_block_fails():
    message = failure(f"{FENCE}python\nprint('hello')\n{FENCE}\n")
    assert "neither an embedded snippet section nor marked" in message


def test_python_block_marked_not_run_is_skipped_with_its_reason():
    text = f"<!-- not-run: needs a camera -->\n{FENCE}python\ncapture()\n{FENCE}\n"
    with pytest.raises(pytest.skip.Exception, match="not run: needs a camera"):
        check_parser(parse_page, text)


def test_not_run_needs_a_reason():
    assert "'not-run' needs a reason" in failure(f"<!-- not-run: -->\n{FENCE}python\nx()\n{FENCE}\n")


def test_directive_not_followed_by_its_block_fails():
    messages = check_parser_all(f"<!-- not-run: why -->\n\nProse.\n\n{FENCE}python\nx()\n{FENCE}\n")
    assert "is not directly followed" in messages
    assert "neither an embedded snippet section nor marked" in messages


def test_misplaced_directives_fail(snippet):
    assert "belongs right before an output block" in failure(snippet("silent", before="<!-- output: rtol=1; why -->\n"))
    message = failure(snippet("shape", "torch.Size([3, 4]) 0.7812", between="<!-- not-run: why -->\n"))
    assert "'not-run' belongs right before a Python block" in message


def test_absent_resource_skips_with_its_reason(snippet, monkeypatch):
    from booktools import resources
    monkeypatch.setitem(resources.RESOURCES, "camera", (lambda: False, "no camera here"))
    with pytest.raises(pytest.skip.Exception, match="no camera here"):
        check_parser(parse_page, snippet("shape", "x", before="<!-- requires: camera -->\n"))


def test_unknown_resource_fails(snippet):
    assert "unknown requirement 'telescope'" in failure(snippet("shape", "x", before="<!-- requires: telescope -->\n"))


def test_section_that_prints_needs_an_output_block(snippet):
    assert "printed output but the page shows no output block" in failure(snippet("shape"))


def test_silent_section_needs_no_output_block(snippet):
    check_parser(parse_page, snippet("silent"))


def test_default_tolerance_catches_the_fourth_decimal(snippet):
    assert "expected 0.7900" in failure(snippet("shape", "torch.Size([3, 4]) 0.7900"))


def test_declared_tolerance_widens_the_comparison(snippet):
    allowance = "<!-- output: rtol=0.02; varies across CPUs -->\n"
    check_parser(parse_page, snippet("shape", "torch.Size([3, 4]) 0.7900", between=allowance))


def test_failure_beyond_a_declared_tolerance_names_it(snippet):
    allowance = "<!-- output: rtol=0.02; varies across CPUs -->\n"
    message = failure(snippet("shape", "torch.Size([3, 4]) 0.9", between=allowance))
    assert "expected 0.9, got 0.7812 (rtol=0.02" in message and "the page allows this block: varies across CPUs" in message


def test_tolerance_needs_a_reason(snippet):
    message = failure(snippet("shape", "torch.Size([3, 4]) 0.7812", between="<!-- output: rtol=0.02 -->\n"))
    assert "needs its reason" in message


def test_unknown_allowance_fails(snippet):
    message = failure(snippet("shape", "torch.Size([3, 4]) 0.7812", between="<!-- output: ellipsis=1; lazy -->\n"))
    assert "unknown allowance 'ellipsis'" in message


def test_alias_accepts_only_the_named_text(snippet):
    allowance = "<!-- output: alias=cuda:0>cpu; a GPU machine prints its device -->\n"
    check_parser(parse_page, snippet("device", "on cpu", between=allowance))
    assert "expected 'mps:'" in failure(snippet("device", "on mps:0", between=allowance))


def accept(page):
    """Run a page file in accept mode; return the pages rewritten."""
    from sybil.document import Document
    ACCEPTED.enabled = True
    try:
        for example in Document.parse(str(page), parse_page).examples():
            example.evaluate()
        return ACCEPTED.apply()
    finally:
        ACCEPTED.enabled = False


def test_accept_mode_rewrites_and_inserts_outputs(snippet, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(snippet("shape", "torch.Size([9, 9]) 0.1") + "\n" + snippet("device"), encoding="utf-8")
    assert accept(page) == [str(page)]
    rewritten = page.read_text(encoding="utf-8")
    assert "torch.Size([3, 4]) 0.7812" in rewritten and "[9, 9]" not in rewritten
    assert f"{FENCE}output\non cuda:0\n{FENCE}" in rewritten
    assert check_parser_all(rewritten) == ""
    assert accept(page) == [], "accepting a page that passes must change nothing"


@pytest.fixture
def figure_page(tmp_path):
    """A page showing the figure a snippet section draws; returns a function that writes it."""
    code = tmp_path / "plots.py"
    code.write_text(textwrap.dedent("""\
        # --8<-- [start:rising]
        import matplotlib.pyplot as plt
        plt.plot([0, 1], [0, 1])
        plt.show()
        # --8<-- [end:rising]
        # --8<-- [start:falling]
        import matplotlib.pyplot as plt
        plt.plot([0, 1], [1, 0])
        plt.show()
        # --8<-- [end:falling]
        # --8<-- [start:nothing]
        x = 1
        # --8<-- [end:nothing]
    """))
    page = tmp_path / "page.md"

    def write(section, image="figures/line.png", directive=""):
        page.write_text(f'{FENCE}python\n--8<-- "{code}:{section}"\n{FENCE}\n\n{directive}![A line]({image})\n',
                        encoding="utf-8")
        return page

    return write


def run_file(page):
    """Evaluate every example of a page file; return the failure messages joined."""
    from sybil.document import Document
    messages = []
    for example in Document.parse(str(page), parse_page).examples():
        try:
            example.evaluate()
        except SybilFailure as failed:
            messages.append(failed.result)
    return "\n".join(messages)


def test_accept_mode_draws_the_figure_and_the_check_then_passes(figure_page, tmp_path):
    page = figure_page("rising")
    accept(page)
    drawn = tmp_path / "figures" / "line.png"
    assert drawn.read_bytes().startswith(b"\x89PNG")
    assert run_file(page) == ""
    before = drawn.stat().st_mtime_ns
    accept(page)
    assert drawn.stat().st_mtime_ns == before, "accepting an unchanged figure must not rewrite it"


def test_a_changed_figure_fails_and_says_where_the_fresh_one_is(figure_page):
    accept(figure_page("rising"))
    message = run_file(figure_page("falling"))
    assert "figure figures/line.png differs from the one" in message and "plots.py:falling draws" in message
    assert "the fresh figure is at" in message


def test_a_figure_of_another_size_fails_and_accept_redraws_it(figure_page, tmp_path):
    accept(figure_page("rising"))
    drawn = tmp_path / "figures" / "line.png"
    import matplotlib.pyplot as plt
    plt.figure(figsize=(2, 2))
    plt.savefig(drawn)
    plt.close("all")
    assert "(another size)" in run_file(figure_page("rising"))
    accept(figure_page("rising"))
    assert run_file(figure_page("rising")) == ""


def test_a_declared_figure_tolerance_allows_a_small_difference(figure_page):
    accept(figure_page("rising"))
    assert run_file(figure_page("falling", directive="<!-- figure: tol=200; any line will do -->\n")) == ""
    message = run_file(figure_page("falling", directive="<!-- figure: tol=200 -->\n"))
    assert "needs its reason" in message


def test_a_missing_figure_file_says_how_to_draw_it(figure_page):
    assert "figures/line.png does not exist; `make accept` draws it" in run_file(figure_page("rising"))


def test_a_section_that_draws_nothing_fails(figure_page):
    assert "draws no figure, but the page shows figures/line.png" in run_file(figure_page("nothing"))


def test_a_figure_with_no_code_before_it_fails():
    message = check_parser_all("Prose.\n\n![A line](figures/line.png)\n")
    assert "a figure with no embedded Python block before it" in message


def test_an_image_that_is_not_a_figure_is_left_alone():
    assert check_parser_all("Prose.\n\n![The logo](images/logo.png)\n") == ""


def test_a_chapter_is_a_training_chapter_only_when_its_header_says_so(tmp_path):
    from booktools.book import is_training_chapter
    pages = {"yes": "---\ntraining: true\n---\n# A\n", "no": "---\ntraining: false\n---\n# B\n",
             "bare": "# C\n\ntraining: true\n"}
    for name, text in pages.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    assert [is_training_chapter(tmp_path / f"{name}.md") for name in pages] == [True, False, False]


def test_a_figure_the_page_does_not_show_fails(figure_page, tmp_path):
    page = figure_page("rising")
    page.write_text(page.read_text(encoding="utf-8").split("![")[0], encoding="utf-8")  # drop the image
    assert "plots.py:rising draws a figure, but the page shows none after it" in run_file(page)


def test_a_gpu_run_without_cuda_stops_at_once():
    import os
    import subprocess
    import sys

    import torch

    from booktools import ROOT
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA, so a GPU run goes ahead")
    run = subprocess.run([sys.executable, "-m", "pytest", "-m", "training", "--collect-only", "-q"],
                         cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, BOOK_REQUIRE_CUDA="1"))
    assert run.returncode == 3 and "BOOK_REQUIRE_CUDA=1 but torch sees no CUDA device" in run.stdout + run.stderr


def test_a_page_pickles_its_own_classes_as_a_script_would(tmp_path):
    code = tmp_path / "pickling.py"
    code.write_text(textwrap.dedent("""\
        # --8<-- [start:round-trip]
        import pickle
        class Point:
            def __init__(self, x):
                self.x = x
        print(pickle.loads(pickle.dumps(Point(3))).x)
        # --8<-- [end:round-trip]
    """))
    check_parser(parse_page, f'{FENCE}python\n--8<-- "{code}:round-trip"\n{FENCE}\n\n{FENCE}output\n3\n{FENCE}\n')


def test_a_figure_left_open_by_earlier_code_does_not_count_against_the_next_section(snippet):
    import matplotlib.pyplot as plt
    plt.figure()  # as a page run by other code (say, a test) may leave behind
    try:
        check_parser(parse_page, snippet("silent"))
    finally:
        plt.close("all")


def test_both_pages_of_a_chapter_are_checked_against_one_run(tmp_path):
    code = tmp_path / "counted.py"
    code.write_text("# --8<-- [start:a]\nimport builtins\nbuiltins.book_runs = getattr(builtins, 'book_runs', 0) + 1\n"
                    "print(3.25)\n# --8<-- [end:a]\n")
    page = f'Text.\n\n{FENCE}python\n--8<-- "{code}:a"\n{FENCE}\n\n{FENCE}output\n3.25\n{FENCE}\n'
    import builtins
    builtins.book_runs = 0
    assert check_parser_all(page, "chapter.en.md") == ""
    assert check_parser_all(page, "chapter.md") == ""
    assert builtins.book_runs == 1
    # A changed digit on either page still fails that page, at its own line.
    assert "chapter.md:3 (output block at line 7)" in check_parser_all(page.replace("3.25\n", "3.24\n"), "chapter.md")
    assert builtins.book_runs == 1
