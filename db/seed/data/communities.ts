/**
 * Demo communities: the subject networks of Забайкальский край named in seed 000 (п. 15:
 * математика, физика, химия и биология, история и обществознание, русский язык и литература,
 * иностранный язык, начальное образование, логопеды), two municipal РМО, interregional thematic
 * communities with members from every demo region, and a closed «Клуб директоров».
 *
 * People are fictitious (invented names, `.example` addresses); schools come from the demo
 * directory by ИНН. Thread texts are written for the demo. Pure data, stable run to run.
 */
import type { CommunityKind, CommunityScope, CommunityVisibility } from "../../schema/communities.ts";

export interface CommunityPersonSeed {
  email: string;
  name: string;
  position: string;
  /** The school by ИНН (demo directory). */
  inn: string;
  subjects?: string[];
}

/** Teachers and directors who fill the communities (besides the people of `people.ts`). */
export const COMMUNITY_PEOPLE: readonly CommunityPersonSeed[] = [
  { email: "shestakova@most.example", name: "Галина Шестакова", position: "учитель", inn: "7536090094", subjects: ["math"] },
  { email: "sokolov@most.example", name: "Андрей Соколов", position: "учитель", inn: "7536090143", subjects: ["physics"] },
  { email: "kuzmina@most.example", name: "Татьяна Кузьмина", position: "учитель", inn: "7536090577", subjects: ["chemistry"] },
  { email: "orlova@most.example", name: "Людмила Орлова", position: "учитель", inn: "7536090030", subjects: ["biology"] },
  { email: "dashiev@most.example", name: "Ринчин Дашиев", position: "учитель", inn: "7501090022", subjects: ["history"] },
  { email: "martynova@most.example", name: "Юлия Мартынова", position: "учитель", inn: "7529090015", subjects: ["foreign"] },
  { email: "vasilyeva@most.example", name: "Оксана Васильева", position: "учитель-логопед", inn: "7529090431", subjects: ["speech"] },
  { email: "smirnova@most.example", name: "Екатерина Смирнова", position: "учитель", inn: "7527090034", subjects: ["primary"] },
  { email: "petrov@most.example", name: "Николай Петров", position: "учитель", inn: "7527090027", subjects: ["math"] },
  { email: "batueva@most.example", name: "Сэсэг Батуева", position: "учитель", inn: "0326090592", subjects: ["math"] },
  { email: "namsaraeva@most.example", name: "Дарима Намсараева", position: "директор", inn: "0308090021" },
  { email: "prokhorova@most.example", name: "Елена Прохорова", position: "учитель", inn: "7107090610", subjects: ["math"] },
  { email: "avdeev@most.example", name: "Михаил Авдеев", position: "директор", inn: "7118090146" },
  { email: "zhuravleva@most.example", name: "Ольга Журавлёва", position: "заместитель директора", inn: "6901090441" },
  { email: "vinogradova@most.example", name: "Алла Виноградова", position: "учитель", inn: "6914090255", subjects: ["primary"] },
  { email: "tkachenko@most.example", name: "Ирина Ткаченко", position: "педагог-психолог", inn: "2310090946" },
  { email: "goncharenko@most.example", name: "Владимир Гончаренко", position: "директор", inn: "2311090032" },
];

export interface PostSeed {
  /** Author's e-mail (a demo person). */
  by: string;
  /** Blank lines separate paragraphs; lines starting with "- " make a bulleted list; "## " a heading. */
  text: string;
  /** Days before the seed time. */
  daysAgo: number;
}

export interface ThreadSeed {
  title: string;
  pinned?: boolean;
  posts: readonly PostSeed[];
}

export interface CommunitySeed {
  slug: string;
  name: string;
  description: string;
  kind: CommunityKind;
  subjectCode?: string;
  topicCode?: string;
  scope: CommunityScope;
  regionCode?: string;
  municipality?: string;
  visibility: CommunityVisibility;
  owner: string;
  moderators?: readonly string[];
  members: readonly string[];
  /** Open join requests (closed communities). */
  requests?: readonly { by: string; note: string }[];
  threads?: readonly ThreadSeed[];
}

const CHITA = "coordinator.chita@most.example";
const ADMIN = "admin@most.example";

const subjectNetwork = (slug: string, subjectCode: string, name: string, description: string, members: string[], threads: ThreadSeed[] = [], moderators: string[] = []): CommunitySeed => ({
  slug,
  name,
  description,
  kind: "subject",
  subjectCode,
  scope: "regional",
  regionCode: "75",
  visibility: "open",
  owner: CHITA,
  moderators,
  members,
  threads,
});

export const COMMUNITIES: readonly CommunitySeed[] = [
  subjectNetwork(
    "uchitelya-matematiki-zabaykalya",
    "math",
    "Учителя математики Забайкальского края",
    "Региональное сетевое сообщество учителей математики. Разбираем результаты ВПР и ОГЭ, делимся заданиями для работы с обучающимися с рисками учебной неуспешности, готовим совместные открытые уроки школ-лидеров и школ-партнёров.",
    ["teacher.math@most.example", "shestakova@most.example", "petrov@most.example", "director.shilka@most.example"],
    [
      {
        title: "Правила сообщества и план работы на учебный год",
        pinned: true,
        posts: [
          {
            by: "expert@most.example",
            daysAgo: 40,
            text: "## Как мы работаем\n\nКоллеги, здравствуйте! Здесь мы обсуждаем преподавание математики в школах края, в первую очередь в школах с низкими результатами обучения.\n\n- один вопрос — одна тема, заголовок пишите так, чтобы было понятно без открытия;\n- материалы прикладывайте ссылкой или выкладывайте в библиотеку практик;\n- отмечайте ответ, который помог, как решение.\n\nПлан на год: в октябре — разбор ВПР, в декабре — открытые уроки по формирующему оцениванию, в марте — подготовка к ОГЭ.",
          },
          { by: "shestakova@most.example", daysAgo: 39, text: "Спасибо! Предлагаю в декабре показать урок в 6 классе по теме «Отношения и пропорции» — у нас в лицее есть запись." },
        ],
      },
      {
        title: "ВПР по математике в 5 классе: где теряем баллы?",
        posts: [
          {
            by: "petrov@most.example",
            daysAgo: 6,
            text: "Посмотрел результаты ВПР в наших пятых классах. Больше всего ошибок в задачах на движение и в задании с чтением таблицы.\n\nКак вы отрабатываете текстовые задачи с детьми, которые плохо читают условие? Ищу приёмы, которые работают в сельской школе с небольшими классами.",
          },
          {
            by: "shestakova@most.example",
            daysAgo: 5,
            text: "У нас помогает «чтение с карандашом»: ученик подчёркивает, что известно, и обводит вопрос, потом рисует схему. Первые две недели делаем это вместе на каждом уроке по 5 минут.",
          },
          { by: "teacher.math@most.example", daysAgo: 4, text: "Добавлю про таблицы: даём детям самим составить таблицу по короткому тексту, а потом наоборот. После пары таких уроков задание из ВПР перестаёт пугать." },
          { by: "expert@most.example", daysAgo: 3, text: "Хорошие приёмы. Николай Иванович, если пришлёте обезличенный анализ по заданиям, разберём его на декабрьской встрече вместе со Шилкинским РМО." },
        ],
      },
      {
        title: "Карточки для устного счёта 5–6 класс",
        posts: [
          { by: "teacher.math@most.example", daysAgo: 2, text: "Собрала набор карточек для устного счёта на первые пять минут урока: дроби, проценты, действия с отрицательными числами. Кому прислать?" },
          { by: "petrov@most.example", daysAgo: 1, text: "Мне, пожалуйста! Начинаю каждый урок с устного счёта, карточки на смену очень пригодятся." },
        ],
      },
    ],
    ["expert@most.example"],
  ),
  subjectNetwork(
    "uchitelya-fiziki-zabaykalya",
    "physics",
    "Учителя физики Забайкальского края",
    "Сообщество учителей физики: лабораторные работы с простым оборудованием, цифровые лаборатории, подготовка к ОГЭ и ЕГЭ, поддержка учителей малокомплектных школ.",
    ["sokolov@most.example", "teacher.physics@most.example"],
    [
      {
        title: "Лабораторные работы без кабинета физики",
        posts: [
          { by: "sokolov@most.example", daysAgo: 9, text: "В нескольких сельских школах нет оборудованного кабинета. Давайте соберём список лабораторных работ 7–9 класса, которые можно провести с тем, что есть в любом классе: линейки, нитки, бутылки, телефон." },
          { by: "teacher.physics@most.example", daysAgo: 8, text: "Измерение ускорения свободного падения маятником из нитки и гайки и секундомером телефона — классика. Ещё плотность тел через объём вытесненной воды в мерном стакане." },
        ],
      },
    ],
  ),
  subjectNetwork(
    "uchitelya-khimii-zabaykalya",
    "chemistry",
    "Учителя химии Забайкальского края",
    "Сетевое сообщество учителей химии: практикумы, безопасный эксперимент, подготовка к ОГЭ и ЕГЭ, задания на функциональную грамотность.",
    ["kuzmina@most.example"],
    [
      {
        title: "Домашний эксперимент в 8 классе",
        posts: [{ by: "kuzmina@most.example", daysAgo: 12, text: "Делюсь подборкой безопасных домашних опытов для 8 класса: индикаторы из краснокочанной капусты, выращивание кристаллов соли, «вулкан» из соды. Дети приносят фото и короткий отчёт — мотивация заметно выросла." }],
      },
    ],
  ),
  subjectNetwork(
    "uchitelya-biologii-zabaykalya",
    "biology",
    "Учителя биологии Забайкальского края",
    "Сообщество учителей биологии: экскурсии и полевые практики в природе Забайкалья, проектная и исследовательская деятельность, подготовка к экзаменам.",
    ["orlova@most.example"],
  ),
  subjectNetwork(
    "uchitelya-istorii-zabaykalya",
    "history",
    "Учителя истории и обществознания Забайкальского края",
    "Методическое сообщество учителей истории и обществознания: краеведение, работа с историческими источниками, финансовая грамотность и подготовка к экзаменам.",
    ["dashiev@most.example"],
    [
      {
        title: "Краеведческий материал на уроках истории",
        posts: [
          { by: "dashiev@most.example", daysAgo: 15, text: "Собираю задания по истории Забайкалья для 6–9 классов: документы о Нерчинском договоре, воспоминания декабристов, материалы школьных музеев. Если у вас есть свои разработки — давайте объединим в один сборник." },
          { by: "coordinator.chita@most.example", daysAgo: 14, text: "Отличная идея. Сборник можно оформить как методическую практику и подать в библиотеку — ИРО поможет с экспертизой." },
        ],
      },
    ],
  ),
  subjectNetwork(
    "uchitelya-russkogo-yazyka-zabaykalya",
    "russian",
    "Учителя русского языка и литературы Забайкальского края",
    "Сообщество учителей русского языка и литературы: читательская грамотность, итоговое сочинение, работа с детьми, для которых русский язык неродной.",
    ["teacher.russian@most.example"],
    [
      {
        title: "Итоговое сочинение: как учим аргументации",
        posts: [
          { by: "teacher.russian@most.example", daysAgo: 7, text: "Я работаю третий год, и каждый раз трудно научить одиннадцатиклассников подбирать литературные аргументы. Какие упражнения у вас работают?" },
          { by: "expert@most.example", daysAgo: 6, text: "Попробуйте «банк аргументов» всем классом: после каждого прочитанного произведения ученики записывают, к каким направлениям сочинения оно подходит и каким эпизодом это подтвердить." },
        ],
      },
    ],
  ),
  subjectNetwork(
    "uchitelya-inostrannogo-yazyka-zabaykalya",
    "foreign",
    "Учителя иностранного языка Забайкальского края",
    "Сообщество учителей английского, немецкого и китайского языков: устная часть ОГЭ и ЕГЭ, дистанционные занятия для малокомплектных школ, языковые клубы.",
    ["martynova@most.example"],
  ),
  subjectNetwork(
    "uchitelya-nachalnykh-klassov-zabaykalya",
    "primary",
    "Учителя начальных классов Забайкальского края",
    "Сообщество учителей начальной школы: формирование читательских навыков, адаптация первоклассников, работа в классах-комплектах сельских школ.",
    ["smirnova@most.example", "teacher.primary@most.example"],
    [
      {
        title: "Класс-комплект 1 и 3 класса: как строить урок",
        posts: [
          { by: "smirnova@most.example", daysAgo: 10, text: "В этом году у меня класс-комплект: первый и третий классы вместе. Поделитесь, как вы планируете урок, чтобы одни работали самостоятельно, пока вы объясняете другим?" },
          { by: "teacher.primary@most.example", daysAgo: 9, text: "Помогают маршрутные листы для старших и карточки с картинками для младших. И обязательно общая часть урока в начале и в конце — дети очень ждут её." },
        ],
      },
    ],
  ),
  subjectNetwork(
    "uchitelya-logopedy-zabaykalya",
    "speech",
    "Учителя-логопеды Забайкальского края",
    "Сообщество учителей-логопедов и дефектологов: диагностика, коррекционные занятия, консультирование родителей и учителей.",
    ["vasilyeva@most.example"],
  ),
  {
    slug: "rmo-matematikov-shilkinskogo-rayona",
    name: "РМО учителей математики Шилкинского района",
    description: "Районное методическое объединение учителей математики Шилкинского района: график заседаний, взаимопосещение уроков, подготовка к ОГЭ.",
    kind: "subject",
    subjectCode: "math",
    scope: "municipal",
    regionCode: "75",
    municipality: "Шилкинский район",
    visibility: "open",
    owner: CHITA,
    moderators: ["petrov@most.example"],
    members: ["director.shilka@most.example"],
    threads: [
      {
        title: "Заседание РМО в ноябре: взаимопосещение уроков",
        pinned: true,
        posts: [{ by: "petrov@most.example", daysAgo: 11, text: "Коллеги, следующее заседание — в СОШ № 2 г. Шилки. Программа:\n\n- открытый урок в 7 классе;\n- разбор урока по протоколу наблюдения;\n- план взаимопосещений до конца полугодия.\n\nЗапишитесь в этой теме, кто приедет." }],
      },
    ],
  },
  {
    slug: "rmo-nachalnykh-klassov-chity",
    name: "РМО учителей начальных классов города Читы",
    description: "Городское методическое объединение учителей начальных классов Читы.",
    kind: "subject",
    subjectCode: "primary",
    scope: "municipal",
    regionCode: "75",
    municipality: "город Чита",
    visibility: "open",
    owner: CHITA,
    members: ["smirnova@most.example"],
  },
  {
    slug: "formiruyushchee-otsenivanie",
    name: "Формирующее оценивание",
    description: "Межрегиональное сообщество педагогов, внедряющих формирующее оценивание: критерии успеха, обратная связь, самооценка и взаимооценка. Продолжение межрегиональных вебинаров программы.",
    kind: "thematic",
    topicCode: "formative-assessment",
    scope: "interregional",
    visibility: "open",
    owner: ADMIN,
    moderators: ["zhuravleva@most.example"],
    members: ["expert@most.example", "teacher.math@most.example", "batueva@most.example", "prokhorova@most.example", "shestakova@most.example"],
    threads: [
      {
        title: "Критерии успеха: как формулировать вместе с учениками",
        posts: [
          { by: "zhuravleva@most.example", daysAgo: 8, text: "В нашей гимназии учителя начали формулировать критерии успеха вместе с классом. Получается не у всех: дети пишут «решить правильно». Как вы доводите критерии до проверяемых?" },
          { by: "batueva@most.example", daysAgo: 7, text: "Показываем два решения — сильное и слабое — и просим сказать, чем они отличаются. Из ответов и получаются критерии: «записал, что известно», «проверил ответ подстановкой»." },
          { by: "prokhorova@most.example", daysAgo: 5, text: "Поддерживаю. Ещё помогает лист самооценки с этими же критериями в конце урока: дети отмечают, что получилось, и видят, над чем работать дальше." },
        ],
      },
    ],
  },
  {
    slug: "inklyuzivnoe-obrazovanie",
    name: "Инклюзивное образование",
    description: "Межрегиональное сообщество учителей, психологов и логопедов о развитии моделей инклюзивного образования в школах с низкими результатами и в сложных социальных условиях.",
    kind: "thematic",
    topicCode: "inclusive",
    scope: "interregional",
    visibility: "open",
    owner: ADMIN,
    moderators: ["tkachenko@most.example"],
    members: ["vasilyeva@most.example", "vinogradova@most.example", "smirnova@most.example"],
    threads: [
      {
        title: "Индивидуальный маршрут для ученика с ОВЗ в обычном классе",
        posts: [
          { by: "vinogradova@most.example", daysAgo: 13, text: "В третьем классе у меня ученик с задержкой психического развития. Рекомендации ПМПК есть, но как совместить их с программой класса в сельской школе без тьютора?" },
          { by: "tkachenko@most.example", daysAgo: 12, text: "Начните с малого: одна адаптированная карточка на урок и чёткий визуальный план урока на доске. Раз в месяц — короткая встреча с родителями и логопедом, чтобы сверить, что получается." },
          { by: "vasilyeva@most.example", daysAgo: 11, text: "Могу прислать упражнения на развитие фонематического слуха, которые ученик выполняет сам, пока класс работает с новым материалом." },
        ],
      },
    ],
  },
  {
    slug: "riski-uchebnoy-neuspeshnosti",
    name: "Работа с обучающимися с рисками учебной неуспешности",
    description: "Межрегиональное сообщество педагогов школ с низкими образовательными результатами: диагностика затруднений, индивидуальные планы, работа с мотивацией и с семьями.",
    kind: "thematic",
    topicCode: "low-achievers",
    scope: "interregional",
    visibility: "open",
    owner: ADMIN,
    moderators: ["expert@most.example"],
    members: ["petrov@most.example", "teacher.russian@most.example", "batueva@most.example", "prokhorova@most.example", "goncharenko@most.example"],
    threads: [
      {
        title: "Диагностика: с чего начинать в сентябре",
        posts: [
          { by: "prokhorova@most.example", daysAgo: 20, text: "Как вы выявляете учеников с рисками в начале года? Мы используем входную диагностику по математике и русскому языку, но этого явно мало." },
          { by: "expert@most.example", daysAgo: 19, text: "Добавьте короткую анкету о мотивации и беседу классного руководителя с семьёй. Риск часто не в знаниях, а в пропусках и в отношении к учёбе." },
        ],
      },
    ],
  },
  {
    slug: "klub-direktorov",
    name: "Клуб директоров",
    description: "Закрытый межрегиональный клуб руководителей школ — участников программы: управленческие решения, работа со школами-партнёрами, внутришкольная система оценки качества. Вступление по заявке.",
    kind: "role",
    scope: "interregional",
    visibility: "closed",
    owner: ADMIN,
    moderators: ["avdeev@most.example"],
    members: ["director.shilka@most.example", "namsaraeva@most.example", "goncharenko@most.example"],
    requests: [{ by: "zhuravleva@most.example", note: "Заместитель директора гимназии, веду программу перехода в эффективный режим работы." }],
    threads: [
      {
        title: "Как мы выстроили работу со школой-партнёром",
        posts: [
          { by: "avdeev@most.example", daysAgo: 16, text: "Делюсь опытом первого года партнёрства: договор, общая дорожная карта, ежемесячные взаимопосещения. Главное, что поняли: нужен один ответственный с каждой стороны и короткий отчёт после каждой встречи." },
          { by: "director.shilka@most.example", daysAgo: 15, text: "У нас похожая схема. Добавил бы совместные педсоветы раз в четверть — учителям школы-партнёра важно видеть, что это не проверка, а помощь." },
          { by: "namsaraeva@most.example", daysAgo: 14, text: "Вопрос коллегам: как вы мотивируете учителей ездить на взаимопосещения в другой район? У нас дорога занимает полдня." },
        ],
      },
    ],
  },
];
