"""Clause-level omissions: a piece two languages share and the third lacks, on small constructed
trilingual units among ordinary ones (the check measures against the document's own units)."""
from __future__ import annotations

import pytest

from sco_corpus.align.embed import Embedder
from sco_corpus.align.units import Alignment, Unit
from sco_corpus.checks.clauses import pieces
from sco_corpus.checks.omissions import check_omissions, clause_findings
from sco_corpus.model import Sentence

#: Ordinary units: faithful translations of two or three clauses each.
FAITHFUL = [
    ("Совет министров иностранных дел провел заседание в Астане, и стороны обсудили региональную"
     " безопасность.",
     "The Council of Foreign Ministers met in Astana, and the parties discussed regional security.",
     "外长理事会在阿斯塔纳举行会议，各方讨论了地区安全问题。"),
    ("Объем торговли между странами вырос, однако потенциал сотрудничества еще не исчерпан.",
     "Trade between the countries has grown, but the potential of cooperation is not yet"
     " exhausted.",
     "各国之间的贸易额有所增长，但合作潜力尚未用尽。"),
    ("Организация поддерживает тесные контакты с ООН, СНГ и АСЕАН, а также с другими структурами.",
     "The organization maintains close contacts with the UN, the CIS and ASEAN, as well as with"
     " other bodies.",
     "本组织与联合国、独联体和东盟以及其他机构保持密切联系。"),
    ("В 2005 году был создан Деловой совет, который объединяет предпринимателей государств-членов.",
     "In 2005 the Business Council was established, which unites entrepreneurs of the member"
     " states.",
     "2005年成立了实业家委员会，该委员会联合了成员国的企业家。"),
    ("Стороны договорились расширить сотрудничество в области образования, науки и культуры.",
     "The parties agreed to expand cooperation in education, science and culture.",
     "各方同意扩大在教育、科学和文化领域的合作。"),
    ("Для борьбы с наркотиками была создана рабочая группа, которая собирается два раза в год.",
     "A working group was set up to fight drugs, which meets twice a year.",
     "为打击毒品成立了工作组，该工作组每年召开两次会议。"),
    ("Президент подчеркнул, что безопасность региона зависит от стабильности в Афганистане.",
     "The president stressed that the security of the region depends on stability in Afghanistan.",
     "总统强调，地区安全取决于阿富汗的稳定。"),
    ("Молодежные организации проводят фестивали, конкурсы и летние лагеря для студентов.",
     "Youth organizations hold festivals, competitions and summer camps for students.",
     "青年组织为大学生举办节日、比赛和夏令营。"),
    ("Экономическое сотрудничество развивается медленно, поскольку проекты требуют больших"
     " инвестиций.",
     "Economic cooperation develops slowly, because the projects require large investments.",
     "经济合作发展缓慢，因为这些项目需要大量投资。"),
    ("На встрече в Бишкеке министры обороны утвердили план совместных учений на следующий год.",
     "At the meeting in Bishkek, the defence ministers approved the plan of joint exercises for"
     " the next year.",
     "在比什凯克会议上，各国国防部长批准了下一年度的联合演习计划。"),
    ("Секретариат находится в Пекине, а Региональная антитеррористическая структура в Ташкенте.",
     "The Secretariat is located in Beijing, and the Regional Anti-Terrorist Structure in"
     " Tashkent.",
     "秘书处设在北京，地区反恐怖机构设在塔什干。"),
    ("Банковское объединение финансирует инфраструктурные проекты, в том числе строительство"
     " дорог.",
     "The Interbank Consortium finances infrastructure projects, including the construction of"
     " roads.",
     "银行联合体为基础设施项目提供资金，包括修建公路。"),
    ("Туризм становится важной отраслью, и число туристов растет с каждым годом.",
     "Tourism is becoming an important industry, and the number of tourists grows every year.",
     "旅游业正在成为一个重要产业，游客人数逐年增长。"),
    ("Государства-члены обмениваются информацией о террористических группах, действующих в"
     " регионе.",
     "The member states exchange information on terrorist groups operating in the region.",
     "成员国交换在本地区活动的恐怖组织的信息。"),
    ("Энергетический клуб был учрежден в 2013 году, чтобы координировать энергетическую политику.",
     "The Energy Club was founded in 2013 to coordinate energy policy.",
     "能源俱乐部于2013年成立，旨在协调能源政策。"),
    ("Университет ШОС объединяет более семидесяти вузов, которые готовят специалистов по девяти"
     " направлениям.",
     "The SCO University unites more than seventy universities, which train specialists in nine"
     " areas.",
     "上合组织大学联合了七十多所高校，这些高校培养九个方向的专家。"),
    ("Наблюдатели участвуют в заседаниях, но не имеют права голоса при принятии решений.",
     "Observers take part in the meetings, but have no vote when decisions are taken.",
     "观察员参加会议，但在作出决定时没有表决权。"),
    ("Сельское хозяйство остается основой экономики, особенно в горных районах страны.",
     "Agriculture remains the basis of the economy, especially in the mountain areas of the"
     " country.",
     "农业仍然是经济的基础，特别是在该国山区。"),
    ("Делегации посетили промышленную выставку, где были представлены новые технологии.",
     "The delegations visited the industrial exhibition, where new technologies were presented.",
     "代表团参观了工业展览会，展会展示了新技术。"),
    ("Министры здравоохранения обсудили борьбу с эпидемиями и подготовку медицинских кадров.",
     "The health ministers discussed the fight against epidemics and the training of medical"
     " staff.",
     "卫生部长们讨论了防治流行病和培训医务人员的问题。"),
    ("Таджикистан председательствовал в Организации в 2014 году, когда саммит прошел в Душанбе.",
     "Tajikistan chaired the Organization in 2014, when the summit was held in Dushanbe.",
     "塔吉克斯坦于2014年担任本组织主席国，当年峰会在杜尚别举行。"),
    ("Ученые двух стран подготовили совместный доклад, который был опубликован на трех языках.",
     "Scientists of the two countries prepared a joint report, which was published in three"
     " languages.",
     "两国学者编写了一份联合报告，该报告以三种语言出版。"),
]

#: (kind, ru, en, zh, the language lacking, a word of the missing piece in the others)
DROPPED = [
    ("date adjunct",
     "Соглашение о сотрудничестве в области транспорта было подписано 15 июня 2001 года, после"
     " долгих переговоров.",
     "The agreement on transport cooperation was signed on June 15, 2001, after long negotiations.",
     "经过长时间谈判，签署了交通合作协定。", "zh", ("2001", "June")),
    ("purpose clause",
     "Государства создали фонд развития, чтобы финансировать совместные проекты в энергетике и"
     " сельском хозяйстве.",
     "The states set up a development fund.",
     "各国设立了发展基金，以便为能源和农业领域的联合项目提供资金。", "en", ("проекты", "项目")),
    ("reporting clause",
     "Сотрудничество в сфере безопасности остается главным приоритетом.",
     "Cooperation in the field of security remains the main priority, the minister noted at the"
     " press conference.",
     "部长在新闻发布会上指出，安全领域的合作仍然是首要任务。", "ru", ("minister", "部长")),
    ("list member",
     "Программа охватывает торговлю и инвестиции, транспортные коридоры через Центральную Азию,"
     " энергетическую безопасность и охрану окружающей среды.",
     "The program covers trade and investment, energy security and environmental protection.",
     "该计划涵盖贸易和投资、穿越中亚的交通走廊、能源安全和环境保护。", "en", ("транспорт", "交通")),
]

#: A qualifier dropped: measured recall for one word is low (README); kept as a known limit.
QUALIFIER = ("qualifier",
             "В августе стороны провели первые совместные антитеррористические учения на"
             " территории Китая.",
             "In August the parties held joint exercises on the territory of China.",
             "八月，各方在中国境内举行了首次联合反恐演习。", "en", ("перв", "首次"))

#: Units that must give no finding.
FAITHFUL_VARIANTS = [
    ("paraphrase",
     "Стороны высоко оценили итоги встречи, отметив ее конструктивный характер.",
     "The parties praised the results of the meeting and its constructive spirit.",
     "各方高度评价会议成果，认为会议富有建设性。"),
    ("pronoun for a repeated name",
     "Казахстан поддержал инициативу, и Казахстан предложил провести следующую встречу в Алматы.",
     "Kazakhstan supported the initiative, and it proposed to hold the next meeting in Almaty.",
     "哈萨克斯坦支持这一倡议，并提议在阿拉木图举行下次会议。"),
    ("reordered list",
     "Форум был посвящен вопросам энергетики, транспорта, торговли и туризма.",
     "The forum was devoted to trade, tourism, energy and transport.",
     "论坛讨论了运输、能源、旅游和贸易问题。"),
    ("Chinese merges two clauses",
     "Делегация прибыла в Ташкент, где ее встретил министр иностранных дел.",
     "The delegation arrived in Tashkent, where it was met by the foreign minister.",
     "外交部长在塔什干迎接了抵达的代表团。"),
    ("a label of one piece, shorter in one language",
     "Основные направления сотрудничества государств",
     "Main areas",
     "各国合作的主要方向"),
]


def _unit(n: int, ru: str, en: str, zh: str) -> Unit:
    sentences = {lang: (Sentence(f"{lang}/x/b{n:03d}/1", lang, "x", f"{lang}/x/b{n:03d}",
                                 "paragraph", text, (n * 10 + k,)),)
                 for k, (lang, text) in enumerate((("ru", ru), ("en", en), ("zh", zh)))}
    return Unit(f"x/u{n:03d}", "x", "paragraph", sentences,
                {"ru-en": 0.95, "ru-zh": 0.95, "en-zh": 0.95})


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


@pytest.fixture(scope="module")
def findings(embedder):
    rows = [*FAITHFUL, *(d[1:4] for d in DROPPED), QUALIFIER[1:4],
            *(v[1:4] for v in FAITHFUL_VARIANTS)]
    units = tuple(_unit(n, *row) for n, row in enumerate(rows))
    return units, clause_findings(Alignment(units, embedder=embedder))


def _lacking(findings, unit_id: str) -> dict[str, object]:
    return {f.langs[-1]: f for f in findings if f.unit == unit_id}


@pytest.mark.parametrize("k", range(len(DROPPED)), ids=[d[0] for d in DROPPED])
def test_a_dropped_piece_is_found_and_quoted(findings, k):
    units, found = findings
    kind, *_, missing, words = DROPPED[k]
    hits = _lacking(found, units[len(FAITHFUL) + k].id)
    assert missing in hits, (kind, [f.message for f in found])
    finding = hits[missing]
    assert finding.check == "omission" and finding.langs[-1] == missing
    quoted = " ".join(text for lang, text in finding.evidence.items() if lang != missing)
    assert any(w in quoted for w in words), finding.message
    assert finding.evidence[missing] == units[len(FAITHFUL) + k].text(missing)
    assert f"{missing} seems to lack" in finding.message


@pytest.mark.xfail(reason="a lone qualifier moves the sentence vector too little (README)",
                   strict=False)
def test_a_dropped_qualifier_is_found(findings):
    units, found = findings
    assert QUALIFIER[4] in _lacking(found, units[len(FAITHFUL) + len(DROPPED)].id)


@pytest.mark.parametrize("k", range(len(FAITHFUL_VARIANTS)),
                         ids=[v[0] for v in FAITHFUL_VARIANTS])
def test_a_faithful_variant_gives_no_finding(findings, k):
    units, found = findings
    unit = units[len(FAITHFUL) + len(DROPPED) + 1 + k]
    assert not _lacking(found, unit.id), [f.message for f in found if f.unit == unit.id]


def test_ordinary_units_give_few_findings(findings):
    units, found = findings
    ordinary = {u.id for u in units[:len(FAITHFUL)]}
    assert sum(f.unit in ordinary for f in found) <= 2, [f.message for f in found]


def test_pieces_cut_at_clause_punctuation_and_keep_offsets():
    text = "Стороны обсудили торговлю, транспорт (включая железные дороги) и энергетику; 6,8 млрд."
    cut = pieces(text, "ru")
    assert [p.text for p in cut][:3] == ["Стороны обсудили торговлю", "транспорт",
                                         "включая железные дороги"]
    assert all(text[p.start:p.end] == p.text for p in cut)
    assert "6,8 млрд" in [p.text for p in cut]
    assert [p.text for p in pieces("贸易、交通和能源；合作", "zh")] == ["贸易", "交通和能源", "合作"]


def test_too_small_a_document_gives_no_clause_finding(embedder):
    units = tuple(_unit(n, *row) for n, row in enumerate(DROPPED[0][1:4] for _ in range(3)))
    assert clause_findings(Alignment(units, embedder=embedder)) == []


def test_clause_findings_join_the_omission_check(findings, embedder):
    units, found = findings
    omissions = check_omissions(Alignment(units, embedder=embedder), _Corpus())
    assert {f.id for f in found} <= {f.id for f in omissions}


class _Corpus:
    blocks = ()
