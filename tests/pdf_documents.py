"""PDFs made for the tests and the PDF bench, with the text a reader should get from them.

Pages are laid out here line by line on a reportlab canvas, so the truth is known exactly:
one or more columns, a title across them, running heads and page numbers, words hyphenated
at line ends, footnotes in small type at the page foot.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

BODY_FONT, BOLD_FONT = "Times-Roman", "Helvetica-Bold"


@dataclass
class Layout:
    columns: int = 1
    body_size: float = 10.0
    leading: float = 12.5
    gutter: float = 7 * mm
    running_head: str = ""
    page_numbers: bool = True
    hyphenate: bool = False
    indent: float = 0.0  # first-line indent; 0 means a gap between paragraphs instead
    metadata_title: bool = True
    password: str = ""


@dataclass
class Document:
    title: str
    blocks: list[tuple[str, str]]  # ("heading" | "paragraph", text)
    footnotes: list[str] = field(default_factory=list)  # at the foot of the first page
    author: str = ""


@dataclass
class Made:
    data: bytes
    truth: list[str]  # the blocks a reader should give, in reading order
    pages: int


class _Writer:
    def __init__(self, doc: Document, layout: Layout) -> None:
        self.doc, self.layout = doc, layout
        self.buffer = io.BytesIO()
        options = {}
        if layout.password:
            from reportlab.lib.pdfencrypt import StandardEncryption

            options["encrypt"] = StandardEncryption(layout.password, canPrint=1)
        self.c = canvas.Canvas(self.buffer, pagesize=A4, **options)
        if layout.metadata_title:
            self.c.setTitle(doc.title)
        self.c.setAuthor(doc.author)
        self.width, self.height = A4
        self.margin = 20 * mm
        self.truth: list[str] = []
        self.page = 1
        self.column_width = (self.width - 2 * self.margin - layout.gutter * (layout.columns - 1)) / layout.columns
        self.top = self.height - 28 * mm
        self.bottom = 22 * mm
        self.column = 0
        self.y = self.top
        self.current: list[str] = []

    # -- pages -----------------------------------------------------------------------
    def furniture(self) -> None:
        c = self.c
        if self.layout.running_head:
            c.setFont("Helvetica", 8)
            c.drawString(self.margin, self.height - 14 * mm, self.layout.running_head)
        if self.layout.page_numbers:
            c.setFont("Helvetica", 8)
            c.drawCentredString(self.width / 2, 11 * mm, str(self.page))

    def footnotes(self) -> None:
        if self.page != 1 or not self.doc.footnotes:
            return
        y = self.bottom - 4
        size = 7.5
        self.c.setFont(BODY_FONT, size)
        lines: list[str] = []
        for number, note in enumerate(self.doc.footnotes, 1):
            wrapped = self.wrap(f"{number} {note}", BODY_FONT, size, self.width - 2 * self.margin)
            lines.extend(text for text, _ in wrapped)
            self.flush_current()
            self.truth.append(" ".join(text for text, _ in wrapped).replace("-\u0000", ""))
        for text in lines:
            self.c.drawString(self.margin, y, text.replace("\u0000", ""))
            y -= size * 1.2

    def new_column(self) -> None:
        self.column += 1
        self.y = self.top_of_body
        if self.column >= self.layout.columns:
            self.footnotes()
            self.furniture()
            self.c.showPage()
            self.page += 1
            self.column = 0
            self.y = self.top
            self.top_of_body = self.top

    @property
    def x(self) -> float:
        return self.margin + self.column * (self.column_width + self.layout.gutter)

    @property
    def floor(self) -> float:
        reserve = (len(self.doc.footnotes) * 2 + 1) * 9 if self.page == 1 and self.doc.footnotes else 0
        return self.bottom + reserve

    # -- text ------------------------------------------------------------------------
    def wrap(self, text: str, font: str, size: float, width: float) -> list[tuple[str, bool]]:
        """Greedy lines; with hyphenation a long word is split to fill the line.
        Each line comes with whether it is the last of the paragraph. A split is written
        with a NUL after its hyphen, so the truth can drop exactly those hyphens."""
        words = text.split()
        lines: list[str] = []
        line = ""
        for word in words:
            trial = f"{line} {word}".strip()
            if self.c.stringWidth(trial, font, size) <= width:
                line = trial
                continue
            if self.layout.hyphenate and len(word) >= 8 and word.isalpha():
                for cut in range(len(word) - 3, 2, -1):
                    head = f"{line} {word[:cut]}-".strip()
                    if self.c.stringWidth(head, font, size) <= width:
                        lines.append(head + "\u0000")
                        line = word[cut:]
                        break
                else:
                    lines.append(line)
                    line = word
                continue
            if line:
                lines.append(line)
            line = word
        if line:
            lines.append(line)
        return [(text, i == len(lines) - 1) for i, text in enumerate(lines)]

    def flush_current(self) -> None:
        if self.current:
            self.truth.append(" ".join(self.current).replace("-\u0000 ", "").replace("\u0000", ""))
            self.current = []

    def title(self) -> None:
        size = 20
        self.c.setFont(BOLD_FONT, size)
        for text, _ in self.wrap(self.doc.title, BOLD_FONT, size, self.width - 2 * self.margin):
            self.c.drawString(self.margin, self.y - size, text)
            self.y -= size * 1.25
        self.truth.append(self.doc.title)
        self.y -= 14
        self.top_of_body = self.y

    def block(self, kind: str, text: str) -> None:
        layout = self.layout
        if kind == "heading":
            font, size, leading = BOLD_FONT, 13.0, 16.0
            if self.y < self.top_of_body - 1:
                self.y -= 8
        else:
            font, size, leading = BODY_FONT, layout.body_size, layout.leading
        lines = self.wrap(text, font, size, self.column_width - (layout.indent if kind == "paragraph" else 0))
        self.c.setFont(font, size)
        first = True
        self.current = []
        for line, _last in lines:
            if self.y - leading < self.floor:
                self.new_column()  # footnotes at a page foot end the part of the block above them
                self.c.setFont(font, size)
            indent = layout.indent if first and kind == "paragraph" else 0
            self.c.drawString(self.x + indent, self.y - size, line.replace("\u0000", ""))
            self.current.append(line)
            self.y -= leading
            first = False
        self.flush_current()
        if kind == "paragraph" and not layout.indent:
            self.y -= layout.leading * 0.6

    def make(self) -> Made:
        self.top_of_body = self.top
        self.title()
        for kind, text in self.doc.blocks:
            self.block(kind, text)
        self.footnotes()
        self.furniture()
        self.c.showPage()
        self.c.save()
        return Made(self.buffer.getvalue(), self.truth, self.page)


def make_pdf(doc: Document, layout: Layout | None = None) -> Made:
    return _Writer(doc, layout or Layout()).make()


def image_only_pdf() -> bytes:
    """A "scan": pages with drawn shapes and no text layer."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for page in range(2):
        for row in range(40):
            c.rect(60, 760 - row * 18, 400 - (row * 7 + page * 13) % 120, 9, fill=1, stroke=0)
        c.showPage()
    c.save()
    return buffer.getvalue()


SAMPLE = Document(
    title="Harbour authority rebuilds the flood wall",
    author="Coastal Ledger desk",
    blocks=[
        ("paragraph", "Councillors in Porthaven voted on Wednesday night to rebuild the town's flood wall, "
                      "which was built in 1953 and protects about 12,000 homes in the lower town."),
        ("heading", "What the council decided"),
        ("paragraph", "The reconstruction will cost £48 million and take four years, according to the "
                      "engineering report presented to the council. The harbour authority will pay a third "
                      "of the cost; the rest comes from a national resilience fund."),
        ("paragraph", "\"We cannot wait for the next storm surge,\" said the council leader, Mara Quint, "
                      "adding that insurance premiums in the lower town had risen by 40 percent since 2019."),
        ("heading", "Opposition and doubts"),
        ("paragraph", "Two councillors voted against the plan. They argued that a state-of-the-art "
                      "barrier at the harbour mouth would be cheaper over fifty years, a claim the "
                      "engineers disputed in their presentation to the committee."),
    ],
    footnotes=["Figures from the council's engineering report of March 2024."],
)
