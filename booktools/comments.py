"""Code comments in the page's language.

A snippet file runs as it is, with its comments in both languages; a page shows only its own.
Every comment is tagged with its language, and each one has its counterpart in the other:

* a whole-line comment is a group of tagged lines at one indentation, Chinese first::

      # zh: 固定随机种子，每次运行得到同样的数
      # en: Fix the seed so every run gets the same numbers
      torch.manual_seed(0)

* a comment at the end of a line continues on the next line, whose ``#`` stands exactly
  below the first one, in the other language::

      train=True,   # zh: 六万张训练图片
                    # en: the 60,000 training images

``render(code, "zh")`` keeps the Chinese comments without their tag and drops the English ones.
The section markers of pymdownx.snippets (``# --8<--``) are not comments of the lesson.
"""
import io
import re
import tokenize
import unicodedata
from dataclasses import dataclass

LANGUAGES = ("zh", "en")
TAG = re.compile(r"#\s?(?P<language>zh|en):\s?(?P<text>.*)$")
MARKER = re.compile(r"#\s*--8<--")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
MAX_COLUMNS = 79


class CommentError(ValueError):
    """A comment that is untagged, or has no counterpart in the other language."""


@dataclass
class Comment:
    line: int  # 0-based line index
    column: int
    language: str
    text: str
    whole_line: bool


def _comments(code):
    """Every comment of the code, except section markers; raises CommentError on an untagged one."""
    found = []
    lines = code.split("\n")
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError) as problem:
        raise CommentError(f"cannot read the code's comments: {problem}") from None
    for token in tokens:
        if token.type != tokenize.COMMENT or MARKER.match(token.string):
            continue
        row, column = token.start[0] - 1, token.start[1]
        tagged = TAG.match(token.string)
        if not tagged:
            raise CommentError(f"line {row + 1}: comment {token.string!r} has no language tag (# zh: / # en:)")
        whole_line = not lines[row][:column].strip()
        found.append(Comment(row, column, tagged["language"], tagged["text"], whole_line))
    return found


def _pairs(comments):
    """Group the comments: a trailing comment with the aligned line below it, a run of whole-line
    comments at one indentation. Returns lists of comments."""
    groups = []
    for comment in comments:
        previous = groups[-1][-1] if groups else None
        follows = previous and comment.whole_line and comment.line == previous.line + 1 \
            and comment.column == previous.column
        if follows and (previous.whole_line or len(groups[-1]) == 1):
            groups[-1].append(comment)
        else:
            groups.append([comment])
    return groups


def check(code):
    """Raise CommentError unless every comment is tagged and has its counterpart in the other language."""
    for group in _pairs(_comments(code)):
        first = group[0]
        languages = [comment.language for comment in group]
        where = f"line {first.line + 1}"
        if not first.whole_line and len(group) != 2:
            raise CommentError(f"{where}: a comment at the end of a line continues on the next line, "
                               f"aligned below it, in the other language")
        if set(languages) != set(LANGUAGES):
            raise CommentError(f"{where}: the comment has no {'en' if 'zh' in languages else 'zh'} counterpart")
        if languages != sorted(languages, key=LANGUAGES.index):
            raise CommentError(f"{where}: the Chinese lines of a comment come before the English ones")
        for comment in group:
            if bool(CJK.search(comment.text)) != (comment.language == "zh"):
                raise CommentError(f"line {comment.line + 1}: the {comment.language} comment "
                                   f"{comment.text!r} is not written in that language")


def render(code, language):
    """The code as a page in `language` shows it: that language's comments, untagged."""
    lines = code.split("\n")
    drop, replace = set(), {}
    for group in _pairs(_comments(code)):
        first = group[0]
        if first.whole_line:
            for comment in group:
                if comment.language == language:
                    replace[comment.line] = (comment.column, comment.text)
                else:
                    drop.add(comment.line)
        else:
            chosen = next((c for c in group if c.language == language), first)
            replace[first.line] = (first.column, chosen.text)
            drop.update(comment.line for comment in group[1:])
    shown = []
    for number, line in enumerate(lines):
        if number in drop:
            continue
        if number in replace:
            column, text = replace[number]
            line = f"{line[:column]}# {text}".rstrip()
        shown.append(line)
    return "\n".join(shown)


def width(line):
    """Columns a line takes in a monospaced font: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def too_wide(code):
    """1-based numbers of the lines wider than MAX_COLUMNS."""
    return [number for number, line in enumerate(code.split("\n"), 1) if width(line) > MAX_COLUMNS]


def main(paths):
    """`python -m booktools.comments FILE...`: check each snippet file's comments and widths,
    as written and as each language shows it; print one line per problem."""
    problems = 0
    for path in paths:
        code = open(path, encoding="utf-8").read()
        try:
            check(code)
            versions = {"file": code, **{language: render(code, language) for language in LANGUAGES}}
        except CommentError as problem:
            print(f"{path}: {problem}")
            problems += 1
            continue
        for version, text in versions.items():
            for number in too_wide(text):
                print(f"{path}: line {number} of the {version} version is wider than {MAX_COLUMNS} columns")
                problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv[1:]))
