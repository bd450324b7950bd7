"""The built-in answer scales and templates, in our own words after seed 003 Tables 4.9, 4.11 and
4.14-4.18 (Table 4.16 is an image in the seed: its questions are ours). Every text is given in English,
Simplified Chinese and Russian: ``(en, zh-hans, ru)``."""

from __future__ import annotations

from typing import Any

Text = tuple[str, str, str]

SCALES: list[dict[str, Any]] = [
    {
        "code": "agreement",
        "name": ("Agreement (1-5)", "认同程度（1-5）", "Степень согласия (1–5)"),
        "options": [
            (1, ("Strongly disagree", "非常不同意", "Совсем не согласен")),
            (2, ("Disagree", "不同意", "Скорее не согласен")),
            (3, ("Neither agree nor disagree", "说不清", "Ни да ни нет")),
            (4, ("Agree", "同意", "Скорее согласен")),
            (5, ("Strongly agree", "非常同意", "Полностью согласен")),
        ],
    },
    {
        "code": "yes_partly_no",
        "name": ("Yes, partly or no", "是、部分或否", "Да, частично или нет"),
        "options": [
            (0, ("No", "否", "Нет")),
            (1, ("Partly", "部分", "Частично")),
            (2, ("Yes", "是", "Да")),
        ],
    },
    {
        "code": "maturity",
        "name": ("Maturity (0-4)", "成熟度（0-4）", "Зрелость (0–4)"),
        "options": [
            (0, ("Absent", "不存在", "Отсутствует")),
            (1, ("Ad hoc", "临时应对", "Стихийно")),
            (2, ("Repeatable", "可重复", "Повторяемо")),
            (3, ("Defined and measured", "已定义并度量", "Определено и измеряется")),
            (4, ("Continually improved", "持续改进", "Постоянно улучшается")),
        ],
    },
]

CAPABILITY = {"basic": "critical", "cooperative": "moderate", "partnership": "light"}
READINESS = {"basic": "not_needed", "cooperative": "moderate", "partnership": "critical"}
TRUST = {"basic": "moderate", "cooperative": "critical", "partnership": "critical"}

_TRUST_NOTE: Text = (
    " Suggested as moderate for basic relationships and critical for cooperative ones and partnerships: "
    "this is Wayfare's choice, the seed's table of assessment types does not list the three Cs.",
    "建议：基础关系为“中度”，合作关系和伙伴关系为“关键”。这是 Wayfare 自己的选择，"
    "原书的评估类型表并未列出三个 C。",
    " Рекомендация: «умеренно» для базовых отношений и «критично» для сотрудничества и партнёрства. "
    "Это выбор Wayfare: в таблице видов оценок исходного текста трёх C нет.",
)


def _item(code: str, text: Text, scale: str, reference: str = "", weight: float = 1.0) -> dict[str, Any]:
    return {"code": code, "text": text, "scale": scale, "reference": reference, "weight": weight}


def _section(code: str, title: Text, items: list[dict[str, Any]], level: int | None = None) -> dict[str, Any]:
    return {"code": code, "title": title, "items": items, "level": level, "weight": 1.0}


A, Y, M = "agreement", "yes_partly_no", "maturity"

TEMPLATES: list[dict[str, Any]] = [
    {
        "code": "three_cs_provider",
        "name": (
            "Three Cs: is the provider trustworthy?",
            "三个 C：服务提供者是否值得信赖？",
            "Три C: можно ли доверять поставщику?",
        ),
        "description": (
            "How the customer sees the provider's competence, commitment and consistency.",
            "客户如何看待服务提供者的能力、承诺和一致性。",
            "Как клиент оценивает компетентность, приверженность и последовательность поставщика.",
        ),
        "relevance": TRUST,
        "note": _TRUST_NOTE,
        "sections": [
            _section(
                "competence",
                ("Competence", "能力", "Компетентность"),
                [
                    _item(
                        "knowledge",
                        (
                            "They have the knowledge and skills the service needs.",
                            "他们具备这项服务所需的知识和技能。",
                            "У них есть знания и навыки, нужные для этой услуги.",
                        ),
                        A,
                    ),
                    _item(
                        "capacity",
                        (
                            "They have enough capacity to meet our demand.",
                            "他们有足够的能力满足我们的需求量。",
                            "Их мощностей хватает на наш спрос.",
                        ),
                        A,
                    ),
                    _item(
                        "agility",
                        (
                            "They adapt quickly when our needs change.",
                            "我们的需求变化时，他们能迅速调整。",
                            "Когда наши потребности меняются, они быстро подстраиваются.",
                        ),
                        A,
                    ),
                ],
            ),
            _section(
                "commitment",
                ("Commitment", "承诺", "Приверженность"),
                [
                    _item(
                        "shared_goals",
                        (
                            "They care about our success and work towards goals we share.",
                            "他们关心我们的成功，并为共同的目标努力。",
                            "Им важен наш успех, они работают на общие цели.",
                        ),
                        A,
                    ),
                    _item(
                        "respect",
                        (
                            "They deal with us honestly, respectfully and cooperatively.",
                            "他们与我们打交道时诚实、尊重、乐于合作。",
                            "Они ведут себя с нами честно, уважительно и готовы сотрудничать.",
                        ),
                        A,
                    ),
                    _item(
                        "explain",
                        (
                            "They explain in advance what they do that affects us.",
                            "凡是影响我们的行动，他们都会事先说明。",
                            "Они заранее объясняют свои действия, которые нас затрагивают.",
                        ),
                        A,
                    ),
                    _item(
                        "know_us",
                        (
                            "They know who we are and what we need.",
                            "他们了解我们是谁、需要什么。",
                            "Они знают, кто мы и что нам нужно.",
                        ),
                        A,
                    ),
                    _item(
                        "dialogue",
                        (
                            "They encourage open conversation in both directions.",
                            "他们鼓励双向的坦诚沟通。",
                            "Они поощряют открытый разговор в обе стороны.",
                        ),
                        A,
                    ),
                ],
            ),
            _section(
                "consistency",
                ("Consistency", "一致性", "Последовательность"),
                [
                    _item(
                        "understand_first",
                        (
                            "They listen to understand us before asking to be understood.",
                            "他们先倾听理解我们，再请我们理解他们。",
                            "Сначала они стараются понять нас, а потом — чтобы поняли их.",
                        ),
                        A,
                    ),
                    _item(
                        "deliver",
                        (
                            "They deliver what they promised, time after time.",
                            "他们一次又一次兑现承诺。",
                            "Они раз за разом делают то, что обещали.",
                        ),
                        A,
                    ),
                    _item(
                        "respond",
                        ("They answer us in good time.", "他们回应及时。", "Они отвечают вовремя."),
                        A,
                    ),
                ],
            ),
        ],
    },
    {
        "code": "three_cs_customer",
        "name": (
            "Three Cs: is the customer trustworthy?",
            "三个 C：客户是否值得信赖？",
            "Три C: можно ли доверять клиенту?",
        ),
        "description": (
            "How the provider sees the customer's competence, commitment and consistency.",
            "服务提供者如何看待客户的能力、承诺和一致性。",
            "Как поставщик оценивает компетентность, приверженность и последовательность клиента.",
        ),
        "relevance": TRUST,
        "note": _TRUST_NOTE,
        "sections": [
            _section(
                "competence",
                ("Competence", "能力", "Компетентность"),
                [
                    _item(
                        "agility",
                        (
                            "They adapt when circumstances change.",
                            "情况变化时，他们能够调整。",
                            "Они подстраиваются, когда обстоятельства меняются.",
                        ),
                        A,
                    ),
                ],
            ),
            _section(
                "commitment",
                ("Commitment", "承诺", "Приверженность"),
                [
                    _item(
                        "shared_goals",
                        (
                            "They care about our success as a provider and share goals with us.",
                            "他们关心我们作为提供者的成功，与我们目标一致。",
                            "Им важен наш успех как поставщика, у нас общие цели.",
                        ),
                        A,
                    ),
                    _item(
                        "respect",
                        (
                            "They deal with us honestly, respectfully and cooperatively.",
                            "他们与我们打交道时诚实、尊重、乐于合作。",
                            "Они ведут себя с нами честно, уважительно и готовы сотрудничать.",
                        ),
                        A,
                    ),
                    _item(
                        "explain_changes",
                        (
                            "They tell us in advance about their changes that affect us.",
                            "他们会提前告知会影响我们的变更。",
                            "Они заранее сообщают о своих изменениях, которые нас касаются.",
                        ),
                        A,
                    ),
                    _item(
                        "dialogue",
                        (
                            "They encourage open conversation in both directions.",
                            "他们鼓励双向的坦诚沟通。",
                            "Они поощряют открытый разговор в обе стороны.",
                        ),
                        A,
                    ),
                ],
            ),
            _section(
                "consistency",
                ("Consistency", "一致性", "Последовательность"),
                [
                    _item(
                        "understand_first",
                        (
                            "They listen to understand us before asking to be understood.",
                            "他们先倾听理解我们，再请我们理解他们。",
                            "Сначала они стараются понять нас, а потом — чтобы поняли их.",
                        ),
                        A,
                    ),
                    _item(
                        "disclose",
                        (
                            "They share enough information for us to serve them well.",
                            "他们提供足够的信息，让我们能把服务做好。",
                            "Они дают достаточно сведений, чтобы мы могли хорошо их обслуживать.",
                        ),
                        A,
                    ),
                ],
            ),
        ],
    },
    {
        "code": "provider_capabilities",
        "name": ("Provider capabilities checklist", "服务提供者能力清单", "Проверка возможностей поставщика"),
        "description": (
            "What to check about a provider before relying on it, over four areas. Public sources and the "
            "provider's current and former customers help; documents and records show how it really works.",
            "在依赖某个服务提供者之前，从四个方面需要核查的内容。公开资料以及其现有和过往客户的意见都有帮助；"
            "文件和记录则能显示其实际运作方式。",
            "Что проверить у поставщика, прежде чем на него полагаться, по четырём областям. Помогают открытые "
            "источники, нынешние и бывшие клиенты; документы и записи показывают, как он работает на деле.",
        ),
        "relevance": CAPABILITY,
        "sections": [
            _section(
                "organisations_people",
                ("Organisations and people", "组织和人员", "Организации и люди"),
                [
                    _item(
                        "structure",
                        (
                            "Their structure fits the goals they pursue.",
                            "他们的组织结构与其目标相符。",
                            "Их структура соответствует их целям.",
                        ),
                        Y,
                    ),
                    _item(
                        "duplication",
                        (
                            "Activities and functions are not duplicated.",
                            "活动和职能没有重复。",
                            "Действия и функции не дублируются.",
                        ),
                        Y,
                    ),
                    _item(
                        "communication",
                        (
                            "Communication works: channels, frequency and feedback.",
                            "沟通有效：渠道、频率和反馈都到位。",
                            "Коммуникация работает: каналы, частота, обратная связь.",
                        ),
                        Y,
                    ),
                    _item(
                        "decisions",
                        (
                            "Their ways of working and deciding suit the service.",
                            "他们的工作方式和决策方式适合这项服务。",
                            "Их способ работать и принимать решения подходит для услуги.",
                        ),
                        Y,
                    ),
                    _item(
                        "transparency",
                        (
                            "They are open with us, and their level of control fits.",
                            "他们对我们公开透明，管控程度合适。",
                            "Они открыты с нами, уровень контроля уместен.",
                        ),
                        Y,
                    ),
                    _item(
                        "skills",
                        (
                            "Their people have the skills needed and keep learning.",
                            "他们的人员具备所需技能并持续学习。",
                            "У их людей есть нужные навыки, и они продолжают учиться.",
                        ),
                        Y,
                    ),
                    _item(
                        "finances",
                        (
                            "They are financially sound (accounts, audit).",
                            "他们财务状况稳健（账目、审计）。",
                            "Они финансово устойчивы (отчётность, аудит).",
                        ),
                        Y,
                    ),
                    _item(
                        "reviews",
                        (
                            "Their current and former customers speak well of them.",
                            "他们的现有和过往客户对其评价良好。",
                            "Нынешние и бывшие клиенты хорошо о них отзываются.",
                        ),
                        Y,
                    ),
                ],
            ),
            _section(
                "information_technology",
                ("Information and technology", "信息和技术", "Информация и технологии"),
                [
                    _item(
                        "projects",
                        (
                            "Their current technology projects support the service.",
                            "他们当前的技术项目有助于这项服务。",
                            "Их текущие технологические проекты работают на услугу.",
                        ),
                        Y,
                    ),
                    _item(
                        "integration",
                        (
                            "Their systems can be integrated with ours.",
                            "他们的系统可以与我们的系统集成。",
                            "Их системы можно связать с нашими.",
                        ),
                        Y,
                    ),
                    _item(
                        "debt",
                        (
                            "Their technical debt is under control.",
                            "他们的技术债务处于可控状态。",
                            "Их технический долг под контролем.",
                        ),
                        Y,
                    ),
                    _item(
                        "trends",
                        (
                            "They follow how new technology changes the work.",
                            "他们关注新技术如何改变工作方式。",
                            "Они следят за тем, как новые технологии меняют работу.",
                        ),
                        Y,
                    ),
                    _item(
                        "data",
                        (
                            "Their data and information can be relied on.",
                            "他们的数据和信息可靠。",
                            "Их данным и сведениям можно доверять.",
                        ),
                        Y,
                    ),
                    _item(
                        "performance",
                        (
                            "Their technology performs well.",
                            "他们的技术性能良好。",
                            "Их технологии работают хорошо.",
                        ),
                        Y,
                    ),
                ],
            ),
            _section(
                "partners_suppliers",
                ("Partners and suppliers", "合作伙伴和供应商", "Партнёры и поставщики"),
                [
                    _item(
                        "manage",
                        (
                            "They manage their own partners and suppliers well.",
                            "他们能很好地管理自己的合作伙伴和供应商。",
                            "Они хорошо управляют своими партнёрами и поставщиками.",
                        ),
                        Y,
                    ),
                    _item(
                        "dependency",
                        (
                            "They do not hang on one strategic supplier without a fallback.",
                            "他们没有在无备选的情况下依赖单一战略供应商。",
                            "Они не зависят от одного стратегического поставщика без запасного варианта.",
                        ),
                        Y,
                    ),
                    _item(
                        "failure",
                        (
                            "Their service would survive the loss of a key supplier.",
                            "即使失去一个关键供应商，他们的服务也能维持。",
                            "Их услуга выдержит потерю ключевого поставщика.",
                        ),
                        Y,
                    ),
                    _item(
                        "seamless",
                        (
                            "Their suppliers fit smoothly into their value chain.",
                            "他们的供应商顺畅地融入其价值链。",
                            "Их поставщики гладко встроены в цепочку создания ценности.",
                        ),
                        Y,
                    ),
                ],
            ),
            _section(
                "value_streams_processes",
                ("Value streams and processes", "价值流和流程", "Потоки ценности и процессы"),
                [
                    _item(
                        "processes",
                        (
                            "Their processes are known and written down.",
                            "他们的流程清楚并有文档记录。",
                            "Их процессы известны и описаны.",
                        ),
                        Y,
                    ),
                    _item(
                        "process_performance",
                        (
                            "Their processes perform well, and they measure it.",
                            "他们的流程绩效良好，并有度量。",
                            "Их процессы работают хорошо, и это измеряется.",
                        ),
                        Y,
                    ),
                    _item(
                        "value_streams",
                        (
                            "Their value streams are managed efficiently.",
                            "他们的价值流管理高效。",
                            "Их потоками ценности управляют эффективно.",
                        ),
                        Y,
                    ),
                    _item(
                        "products",
                        (
                            "They can supply the products and methods our requirements name, for example environmentally friendly ones.",
                            "他们能提供我们要求的产品和方法，例如环保产品。",
                            "Они могут дать те средства и методы, которых требуем мы, например экологичные.",
                        ),
                        Y,
                    ),
                ],
            ),
        ],
    },
    {
        "code": "business_provider_maturity",
        "name": ("Business and provider maturity", "业务与提供者成熟度", "Зрелость бизнеса и поставщика"),
        "description": (
            "Where the relationship stands: basic, cooperative or partnership, from what the business asks "
            "for and what the provider supplies. The levels build on each other: a level counts only when "
            "every level below it is met.",
            "根据业务提出的需求和服务提供者的供应，判断关系处于基础、合作还是伙伴阶段。各级别逐级累积："
            "只有下面的所有级别都达到时，某一级别才算达到。",
            "На каком уровне отношения — базовые, сотрудничество или партнёрство — по тому, что запрашивает "
            "бизнес и что даёт поставщик. Уровни надстраиваются друг над другом: уровень засчитывается, "
            "только если выполнены все уровни ниже.",
        ),
        "relevance": CAPABILITY,
        "cumulative": True,
        "sections": [
            _section(
                "level_basic",
                ("Level 1: basic", "第 1 级：基础", "Уровень 1: базовый"),
                [
                    _item(
                        "automation",
                        (
                            "Routine transactions are automated.",
                            "日常事务已实现自动化。",
                            "Рутинные операции автоматизированы.",
                        ),
                        A,
                    ),
                    _item(
                        "unit_requests",
                        (
                            "Requests from single business units are handled well.",
                            "来自各业务部门的请求得到妥善处理。",
                            "Запросы отдельных подразделений обрабатываются хорошо.",
                        ),
                        A,
                    ),
                    _item(
                        "functional",
                        (
                            "Each function's own performance is the focus, and it is reached.",
                            "关注各职能自身的绩效，并且达到要求。",
                            "В центре внимания — результаты каждой функции, и они достигаются.",
                        ),
                        A,
                    ),
                    _item(
                        "basic_services",
                        (
                            "Transactions and basic services run reliably.",
                            "事务处理和基本服务运行可靠。",
                            "Операции и базовые услуги работают надёжно.",
                        ),
                        A,
                    ),
                    _item(
                        "tailoring",
                        (
                            "Products are adjusted for single business units when needed.",
                            "需要时可为单个业务部门调整产品。",
                            "При необходимости продукты подгоняются под отдельные подразделения.",
                        ),
                        A,
                    ),
                    _item("stability", ("The service is stable.", "服务稳定。", "Услуга стабильна."), A),
                ],
                level=1,
            ),
            _section(
                "level_cooperative",
                ("Level 2: cooperative", "第 2 级：合作", "Уровень 2: сотрудничество"),
                [
                    _item(
                        "end_to_end",
                        (
                            "Processes are automated end to end across the business.",
                            "业务流程实现端到端自动化。",
                            "Процессы автоматизированы от начала до конца по всему бизнесу.",
                        ),
                        A,
                    ),
                    _item(
                        "decision_info",
                        (
                            "Transaction data becomes information for decisions.",
                            "事务数据被转化为决策信息。",
                            "Данные операций превращаются в сведения для решений.",
                        ),
                        A,
                    ),
                    _item(
                        "enterprise_systems",
                        (
                            "Systems serve the whole enterprise, not single units.",
                            "系统服务于整个企业，而非单个部门。",
                            "Системы служат всей организации, а не отдельным подразделениям.",
                        ),
                        A,
                    ),
                    _item(
                        "redesign",
                        (
                            "The provider helps improve and redesign business processes.",
                            "服务提供者帮助改进和重新设计业务流程。",
                            "Поставщик помогает улучшать и перестраивать бизнес-процессы.",
                        ),
                        A,
                    ),
                    _item(
                        "shared_infrastructure",
                        (
                            "Most services run on a shared, optimised infrastructure.",
                            "大多数服务运行在共享且经过优化的基础设施上。",
                            "Большинство услуг работает на общей оптимизированной инфраструктуре.",
                        ),
                        A,
                    ),
                    _item(
                        "differentiation",
                        (
                            "Commodity services are bought in; technology helps the business stand out.",
                            "通用服务外包；技术帮助业务在市场上脱颖而出。",
                            "Типовые услуги покупаются на стороне; технологии помогают бизнесу выделиться на рынке.",
                        ),
                        A,
                    ),
                ],
                level=2,
            ),
            _section(
                "level_partnership",
                ("Level 3: partnership", "第 3 级：伙伴", "Уровень 3: партнёрство"),
                [
                    _item(
                        "innovation",
                        (
                            "The relationship drives innovation and growth.",
                            "这段关系推动创新和增长。",
                            "Отношения двигают инновации и рост.",
                        ),
                        A,
                    ),
                    _item(
                        "intelligence",
                        (
                            "Business and market intelligence are shared.",
                            "双方共享业务和市场情报。",
                            "Стороны делятся деловой и рыночной аналитикой.",
                        ),
                        A,
                    ),
                    _item(
                        "reconfigurable",
                        (
                            "Capabilities (people, technology, assets) can be recombined quickly.",
                            "各种能力（人员、技术、资产）可以快速重新组合。",
                            "Возможности (люди, технологии, активы) быстро перестраиваются.",
                        ),
                        A,
                    ),
                    _item(
                        "interfaces",
                        (
                            "Standard interfaces make working together easy.",
                            "标准接口让协作变得容易。",
                            "Стандартные интерфейсы упрощают совместную работу.",
                        ),
                        A,
                    ),
                ],
                level=3,
            ),
        ],
    },
    {
        "code": "four_dimension_maturity",
        "name": ("Maturity over the four dimensions", "四个维度的成熟度", "Зрелость по четырём измерениям"),
        "description": (
            "Answered once for the provider and once for the consumer; comparing the two shows the gap. "
            "Relationships where one side is far more mature than the other tend to fail when things change.",
            "为服务提供者和服务消费者各填写一次；对比两者即可看出差距。一方远比另一方成熟的关系，"
            "往往会在变化中失败。",
            "Заполняется один раз для поставщика и один раз для потребителя; сравнение показывает разрыв. "
            "Отношения, где одна сторона намного зрелее другой, часто рушатся при изменениях.",
        ),
        "relevance": CAPABILITY,
        "sections": [
            _section(
                "organisations_people",
                ("Organisations and people", "组织和人员", "Организации и люди"),
                [
                    _item(
                        "roles",
                        (
                            "Roles and responsibilities for the service are clear.",
                            "这项服务的角色和职责清晰。",
                            "Роли и ответственность по услуге ясны.",
                        ),
                        M,
                    ),
                    _item(
                        "skills",
                        (
                            "People have the skills the service needs, and keep learning.",
                            "人员具备服务所需的技能，并持续学习。",
                            "У людей есть навыки, нужные услуге, и они продолжают учиться.",
                        ),
                        M,
                    ),
                    _item(
                        "culture",
                        (
                            "The culture supports working across teams and with the other party.",
                            "组织文化支持跨团队以及与对方的协作。",
                            "Культура поддерживает работу между командами и с другой стороной.",
                        ),
                        M,
                    ),
                ],
            ),
            _section(
                "information_technology",
                ("Information and technology", "信息和技术", "Информация и технологии"),
                [
                    _item(
                        "information",
                        (
                            "Information about the service is accurate, timely and shared.",
                            "有关服务的信息准确、及时并得到共享。",
                            "Сведения об услуге точны, своевременны и доступны.",
                        ),
                        M,
                    ),
                    _item(
                        "tools",
                        (
                            "Tools support the work and connect where they need to.",
                            "工具支持工作，并在需要时相互连通。",
                            "Инструменты помогают работе и связаны там, где нужно.",
                        ),
                        M,
                    ),
                    _item(
                        "data_care",
                        (
                            "Data is protected and handled as agreed.",
                            "数据受到保护，并按约定处理。",
                            "Данные защищены и обрабатываются, как договорено.",
                        ),
                        M,
                    ),
                ],
            ),
            _section(
                "partners_suppliers",
                ("Partners and suppliers", "合作伙伴和供应商", "Партнёры и поставщики"),
                [
                    _item(
                        "choice",
                        (
                            "Partners and suppliers are chosen and managed on purpose.",
                            "合作伙伴和供应商是有意识地选择和管理的。",
                            "Партнёров и поставщиков выбирают и ведут осознанно.",
                        ),
                        M,
                    ),
                    _item(
                        "agreements",
                        (
                            "Agreements say what each side delivers.",
                            "协议写明了各方应交付的内容。",
                            "В соглашениях сказано, что даёт каждая сторона.",
                        ),
                        M,
                    ),
                    _item(
                        "fit",
                        (
                            "Partners' work fits into the end-to-end service.",
                            "合作伙伴的工作融入端到端服务之中。",
                            "Работа партнёров встроена в услугу от начала до конца.",
                        ),
                        M,
                    ),
                ],
            ),
            _section(
                "value_streams_processes",
                ("Value streams and processes", "价值流和流程", "Потоки ценности и процессы"),
                [
                    _item(
                        "mapped",
                        (
                            "The service's value streams are known and mapped.",
                            "服务的价值流清楚并已绘制。",
                            "Потоки ценности услуги известны и описаны.",
                        ),
                        M,
                    ),
                    _item(
                        "measured",
                        (
                            "Processes are measured and improved.",
                            "流程得到度量和改进。",
                            "Процессы измеряются и улучшаются.",
                        ),
                        M,
                    ),
                    _item(
                        "flow",
                        (
                            "Work flows from demand to value without needless waits or hand-offs.",
                            "工作从需求到价值顺畅流转，没有多余的等待或交接。",
                            "Работа идёт от запроса к ценности без лишних ожиданий и передач.",
                        ),
                        M,
                    ),
                ],
            ),
        ],
    },
    {
        "code": "collaboration_readiness",
        "name": ("Readiness to collaborate", "协作准备情况", "Готовность к сотрудничеству"),
        "description": (
            "Are both sides ready to work closely together? Each reference item links to the record it "
            "relies on: the three Cs result, the stakeholder map, the communication plan, the risks.",
            "双方是否已准备好紧密合作？每个参考项都链接到它所依据的记录：三个 C 的结果、利益相关者地图、"
            "沟通计划和风险。",
            "Готовы ли обе стороны к тесной совместной работе? Каждый пункт со ссылкой ведёт к записи, на "
            "которую он опирается: итогам трёх C, карте заинтересованных сторон, плану коммуникаций, рискам.",
        ),
        "relevance": READINESS,
        "sections": [
            _section(
                "initial_trust",
                ("Initial trust", "初步信任", "Начальное доверие"),
                [
                    _item(
                        "trust",
                        (
                            "Has a first level of trust been built between the parties?",
                            "双方之间是否已建立初步信任？",
                            "Сложилось ли между сторонами первое доверие?",
                        ),
                        Y,
                        "three_cs",
                    ),
                ],
            ),
            _section(
                "stakeholders",
                ("Stakeholders and sponsorship", "利益相关者和支持", "Заинтересованные стороны и поддержка"),
                [
                    _item(
                        "engaged",
                        (
                            "Are we engaged with the stakeholders who matter?",
                            "我们是否已与重要的利益相关者契动？",
                            "Работаем ли мы с теми заинтересованными сторонами, которые важны?",
                        ),
                        Y,
                        "stakeholder_map",
                    ),
                    _item(
                        "sponsorship",
                        (
                            "Does management back the joint work?",
                            "管理层是否支持这项合作？",
                            "Поддерживает ли руководство совместную работу?",
                        ),
                        Y,
                        "stakeholder_map",
                    ),
                ],
            ),
            _section(
                "foundation",
                ("Foundation for working closely", "紧密合作的组织基础", "Основа для тесной работы"),
                [
                    _item(
                        "principles",
                        (
                            "Are principles and day-to-day work aligned between the parties?",
                            "双方的原则和日常工作是否一致？",
                            "Согласованы ли принципы и повседневная работа сторон?",
                        ),
                        Y,
                    ),
                    _item(
                        "interfaces",
                        (
                            "Have the links between information systems and other resources been checked?",
                            "是否已检查信息系统与其他资源之间的集成和接口？",
                            "Проверены ли связи между информационными системами и другими ресурсами?",
                        ),
                        Y,
                    ),
                    _item(
                        "risk",
                        (
                            "Have both sides shared how much risk they accept and their constraints?",
                            "双方是否已沟通各自的风险承受度和约束？",
                            "Обменялись ли стороны тем, какой риск они готовы принять и какие у них ограничения?",
                        ),
                        Y,
                        "risks",
                    ),
                    _item(
                        "channels",
                        (
                            "Are communication channels agreed, including one for complaints?",
                            "是否已约定沟通渠道，包括投诉渠道？",
                            "Договорились ли о каналах связи, включая канал для жалоб?",
                        ),
                        Y,
                        "communication_plan",
                    ),
                    _item(
                        "resources",
                        (
                            "Are people, technology and information shared out across the organisations?",
                            "人员、技术和信息是否已在合作各方之间分配？",
                            "Распределены ли люди, технологии и информация между организациями?",
                        ),
                        Y,
                    ),
                ],
            ),
        ],
    },
    {
        "code": "change_readiness",
        "name": (
            "Readiness for organisational change",
            "组织变革准备情况",
            "Готовность к организационным изменениям",
        ),
        "description": (
            "Getting value from a service may mean the customer changes how it works. This checklist asks "
            "whether the four conditions of good change are in place.",
            "要从服务中获得价值，客户可能需要改变工作方式。本清单检查良好变革的四个条件是否具备。",
            "Чтобы получить ценность от услуги, клиенту порой приходится менять порядок работы. Этот список "
            "проверяет, выполнены ли четыре условия удачных изменений.",
        ),
        "relevance": READINESS,
        "sections": [
            _section(
                "goals",
                ("Clear and relevant goals", "明确而相关的目标", "Ясные и уместные цели"),
                [
                    _item(
                        "vision",
                        (
                            "Does the relationship have a clear vision?",
                            "这段关系是否有清晰的愿景？",
                            "Есть ли у отношений ясное видение?",
                        ),
                        Y,
                    ),
                    _item(
                        "reasons",
                        (
                            "Have the reasons for the change been explained well?",
                            "变革的理由是否已充分传达？",
                            "Хорошо ли объяснены причины изменений?",
                        ),
                        Y,
                    ),
                ],
            ),
            _section(
                "leadership",
                ("Strong, committed leadership", "坚强而坚定的领导", "Сильное и преданное делу руководство"),
                [
                    _item(
                        "sponsor",
                        (
                            "Is the sponsor respected for past results?",
                            "发起人是否因过往业绩而受人尊重？",
                            "Уважают ли спонсора за прошлые результаты?",
                        ),
                        Y,
                    ),
                    _item(
                        "trust_management",
                        (
                            "Do stakeholders trust management to weigh their interests?",
                            "利益相关者是否相信管理层会考虑他们的利益？",
                            "Верят ли заинтересованные стороны, что руководство учтёт их интересы?",
                        ),
                        Y,
                    ),
                    _item(
                        "lateral",
                        (
                            "Are there leaders who lead across teams, not only down the line?",
                            "是否有跨团队发挥作用的领导者，而不只是纵向管理？",
                            "Есть ли лидеры, которые ведут людей поперёк команд, а не только по вертикали?",
                        ),
                        Y,
                    ),
                ],
            ),
            _section(
                "participants",
                (
                    "Willing and prepared participants",
                    "愿意并有准备的参与者",
                    "Готовые и подготовленные участники",
                ),
                [
                    _item(
                        "rewards",
                        (
                            "Is there a way to reward those who contribute?",
                            "是否有奖励贡献者的办法？",
                            "Есть ли способ поощрить тех, кто вносит вклад?",
                        ),
                        Y,
                    ),
                    _item(
                        "big_picture",
                        (
                            "Do people see the whole change, not only their own part?",
                            "人们是否看到变革的全貌，而不只是自己的那部分？",
                            "Видят ли люди изменение целиком, а не только свою часть?",
                        ),
                        Y,
                    ),
                ],
            ),
            _section(
                "improvement",
                ("Continual improvement", "持续改进", "Постоянное улучшение"),
                [
                    _item(
                        "resistance",
                        (
                            "Is resistance to change low?",
                            "对变革的阻力是否较小？",
                            "Мало ли сопротивления изменениям?",
                        ),
                        Y,
                    ),
                    _item(
                        "past_success",
                        (
                            "Did past improvements succeed?",
                            "过去的改进是否成功？",
                            "Удались ли прошлые улучшения?",
                        ),
                        Y,
                    ),
                    _item(
                        "load",
                        (
                            "Is the amount of change already under way manageable?",
                            "当前正在进行的变更数量是否可控？",
                            "Посилен ли объём уже идущих изменений?",
                        ),
                        Y,
                    ),
                    _item(
                        "balance",
                        (
                            "Is running today's business balanced with innovating?",
                            "日常运营与创新之间是否平衡？",
                            "Соблюдён ли баланс между текущей работой и инновациями?",
                        ),
                        Y,
                    ),
                ],
            ),
        ],
    },
]
