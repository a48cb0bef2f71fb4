"""A second, differently laid-out trilingual document, built by the tests.

Other running headers (with page numbers), other chapter names, page numbers on their own
lines, captions and footnotes in other places: nothing here comes from the booklet.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

TEXT = {
    "ru": {
        "title": ["ГОДОВОЙ ОБЗОР", "РЕГИОНАЛЬНОГО ПАРТНЕРСТВА"],
        "toc": "СОДЕРЖАНИЕ",
        "header": "Годовой обзор регионального партнерства — стр. {page}",
        "chapters": ["Введение", "Водные ресурсы и энергетика", "Образование и наука",
                     "Транспортные коридоры"],
        "sentences": [
            "Совет директоров утвердил новую программу развития на 2021-2025 годы.",
            "В работе форума приняли участие 120 делегатов из 9 стран.",
            "Объем инвестиций вырос на 15% по сравнению с прошлым годом.",
            "По словам проф. А. Б. Иванова, сотрудничество в т. ч. охватывает экологию.",
            "Стороны договорились продолжить консультации в 2022 г. в Ташкенте.",
            "Эта инициатива была поддержана всеми государствами-участниками.",
        ],
        "break": ("Особое внимание уделяется вопросам подготовки квалифицированных специа-",
                  "листов для отрасли."),
        "intro": "Основные направления работы:",
        "items": ["- модернизация инфраструктуры;", "- обмен опытом;", "- совместные исследования."],
        "caption": "Участники конференции. Алматы, 12 марта 2021 г.",
        "footnote": "1 Иванов А. Б. Региональное партнерство. – М., 2020. – С. 15",
        "marker": "¹",
        "epigraph": "«Сотрудничество — основа нашего общего будущего»",
    },
    "en": {
        "title": ["ANNUAL REVIEW", "OF REGIONAL PARTNERSHIP"],
        "toc": "TABLE OF CONTENTS",
        "header": "Annual Review of Regional Partnership — p. {page}",
        "chapters": ["Introduction", "Water Resources and Energy", "Education and Science",
                     "Transport Corridors"],
        "sentences": [
            "The board approved a new development program for 2021-2025.",
            "The forum was attended by 120 delegates from 9 countries.",
            "Investment grew by 15% compared with the previous year.",
            "According to Prof. A. B. Ivanov, the cooperation also covers ecology, e.g. water.",
            "The parties agreed to continue consultations in Tashkent in 2022.",
            "This initiative was supported by all participating states.",
        ],
        "break": ("Particular attention is paid to training qualified special-",
                  "ists for the industry."),
        "intro": "The main areas of work:",
        "items": ["- modernisation of infrastructure;", "- exchange of experience;",
                  "- joint research."],
        "caption": "Conference participants. Almaty, March 12, 2021",
        "footnote": "1 Ivanov A. B. Regional partnership. – Moscow, 2020. – P. 15",
        "marker": "¹",
        "epigraph": "“Cooperation is the basis of our common future”",
    },
    "zh": {
        "title": ["区域伙伴关系年度报告"],
        "toc": "目 录",
        "header": "区域伙伴关系年度报告 第{page}页",
        "chapters": ["引言", "水资源与能源", "教育与科学", "交通走廊"],
        "sentences": [
            "董事会批准了2021-2025年新的发展规划。",
            "来自9个国家的120名代表参加了论坛。",
            "投资额比上一年增长了15%，达到3.5亿美元。",
            "据伊万诺夫教授介绍，合作还包括生态领域。",
            "双方同意于2022年在塔什干继续磋商！",
            "这一倡议得到了所有参与国的支持；各方表示满意。",
        ],
        "break": ("特别重视为该行业培养合格的专业",
                  "人才。"),
        "intro": "主要工作方向：",
        "items": ["- 基础设施现代化；", "- 交流经验；", "- 联合研究。"],
        "caption": "2021年3月12日，阿拉木图。会议参加者合影。",
        "footnote": "1 伊万诺夫 A. B. 《区域伙伴关系》 2020 — C. 15",
        "marker": "¹",
        "epigraph": "《合作是我们共同未来的基础》",
    },
}


COLOPHON = ["Подписано в печать 01.02.2021", "Тираж 300 экз."]


@dataclass
class Layout:
    """How to lay the document out; every choice here is varied by the property tests."""

    langs: tuple[str, ...] = ("ru", "en", "zh")
    chapters: int = 4
    paragraphs: int = 3
    with_toc: bool = True
    page_numbers: bool = True
    seed: int = 0
    colophon: bool = True
    expected_captions: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Element:
    """One piece of the document's structure, for writers of other formats (DOCX, HTML, PDF).

    ``kind``: title, toc_heading, toc_entry (``page``), heading, epigraph, paragraph, broken (a
    paragraph a page break cuts: ``text`` before it, ``rest`` after it, then the caption and the
    footnote printed on the new page), intro, item, page_break (``page`` the new page,
    ``text`` its running header), colophon.
    """

    lang: str
    kind: str
    text: str
    page: int = 0
    rest: str = ""


def elements(layout: Layout = Layout()) -> list[Element]:
    """The document as a list of structural elements, in reading order."""
    out: list[Element] = []
    page = 1
    for lang in layout.langs:
        t = TEXT[lang]
        out += [Element(lang, "title", line) for line in t["title"]]
        names = t["chapters"][: layout.chapters]
        if layout.with_toc:
            out.append(Element(lang, "toc_heading", t["toc"]))
            out += [Element(lang, "toc_entry", name, 3 + 4 * k) for k, name in enumerate(names)]
        for k, name in enumerate(names):
            out += [Element(lang, "heading", name), Element(lang, "epigraph", t["epigraph"])]
            for p in range(layout.paragraphs):
                # the same choices in every language, so the document is a parallel text
                pick = random.Random(f"{layout.seed}:{k}:{p}")
                sents = pick.sample(t["sentences"], 3)
                out.append(Element(lang, "paragraph", ("" if lang == "zh" else " ").join(sents)))
                if p == 0:
                    first, second = t["break"]
                    page += 1
                    out.append(Element(lang, "broken", (" " if lang != "zh" else "").join(
                        [pick.choice(t["sentences"]), first]), rest=second))
                    out.append(Element(lang, "page_break", t["header"].format(page=page), page))
            out.append(Element(lang, "intro", t["intro"]))
            out += [Element(lang, "item", item[2:]) for item in t["items"]]
        page += 1
        out.append(Element(lang, "page_break", t["header"].format(page=page), page))
    if layout.colophon:
        out += [Element("ru", "colophon", line) for line in COLOPHON]
    return out


def joined(element: Element) -> str:
    """A broken paragraph's text without the page break (a hyphenated word made whole)."""
    first = element.text[:-1] if element.lang != "zh" else element.text
    return first + element.rest + TEXT[element.lang]["marker"]


def build(layout: Layout = Layout()) -> str:
    """The document text (LF line endings)."""
    lines: list[str] = [""]
    items = elements(layout)
    for k, e in enumerate(items):
        t = TEXT[e.lang]
        before = items[k - 1].kind if k else ""
        if e.kind == "title":
            lines.append(e.text)
            if k + 1 == len(items) or items[k + 1].kind != "title":
                lines.append("")
        elif e.kind == "toc_heading":
            lines.extend([e.text, ""])
        elif e.kind == "toc_entry":
            lines.append(f"{e.text}.....\t{e.page}")
        elif e.kind == "heading":
            lines.extend(["", "", "", e.text.upper() if e.lang != "zh" else e.text, "", "", ""])
        elif e.kind in ("epigraph", "paragraph"):
            lines.extend([e.text, ""])
        elif e.kind == "broken":
            lines.append(e.text)
        elif e.kind == "page_break":
            lines.extend(["", "", ""])
            if layout.page_numbers:
                lines.extend([str(e.page), ""])
            lines.append(e.text)
            lines.extend(["", "", ""])
            if before == "broken":
                lines.extend([t["caption"], ""])
                lines.extend([items[k - 1].rest + t["marker"], ""])
                lines.extend([t["footnote"], ""])
        elif e.kind == "intro":
            lines.append(e.text)
        elif e.kind == "item":
            lines.append("- " + e.text)
            if k + 1 == len(items) or items[k + 1].kind != "item":
                lines.append("")
        elif e.kind == "colophon":
            if before != "colophon":
                lines.append("")
            lines.append(e.text)
            if k + 1 == len(items):
                lines.append("")
    return "\n".join(lines) + "\n"
