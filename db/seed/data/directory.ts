/**
 * Demo directory: the five regions of the seed documents (`../shared/seeds/`), their municipalities,
 * the bodies that run the programme and (in `./schools.ts`) the schools with their status per school
 * year. Pure data, stable run to run.
 *
 * Geography (regions, districts, towns, villages) is real; schools, their numbers, addresses,
 * phones, e-mails (on `.example` domains) and ИНН are fictitious. ИНН carry a valid legal-entity
 * checksum and start with the region code. No real person is named anywhere.
 */
import type { OrganisationKind, SchoolFlag } from "../../schema/directory.ts";

/** The school years the demo covers, oldest first ("2025/2026": from 1 September 2025). */
export const SEED_SCHOOL_YEARS = ["2024/2025", "2025/2026", "2026/2027"] as const;
export type SeedSchoolYear = (typeof SEED_SCHOOL_YEARS)[number];

/** Codes of the five subjects of the federation in the demo. */
export type RegionCode = "75" | "03" | "71" | "69" | "23";

export interface RegionSeed {
  code: RegionCode;
  name: string;
  /** IANA zone; its label's city is the capital. */
  timeZone: string;
  capital: string;
}

export interface MunicipalitySeed {
  regionCode: RegionCode;
  /** Unique within the region; schools and bodies refer to it by this name. */
  name: string;
}

/** What every organisation (school or body) has in common. */
export interface OrganisationSeed {
  regionCode: RegionCode;
  /** Name of a municipality of the same region; null for regional bodies. */
  municipality: string | null;
  name: string;
  shortName: string;
  /** 10 digits, valid checksum, unique: the upsert key. */
  inn: string;
  address: string;
  phone: string;
  email: string;
  website?: string;
}

export type BodyKind = Exclude<OrganisationKind, "school" | "other">;

/** A body that runs the programme: министерство, ИРО/ИПК, ЦНППМ, ЦОКО, МОУО. */
export interface BodySeed extends OrganisationSeed {
  kind: BodyKind;
}

/** A school's programme status in one school year. */
export type SchoolYearStatus = Record<SchoolFlag, boolean> & { teacherCount: number };

export interface SchoolSeed extends OrganisationSeed {
  municipality: string;
  rural: boolean;
  years: Record<SeedSchoolYear, SchoolYearStatus>;
}

export const REGIONS: readonly RegionSeed[] = [
  { code: "75", name: "Забайкальский край", timeZone: "Asia/Chita", capital: "Чита" },
  { code: "03", name: "Республика Бурятия", timeZone: "Asia/Irkutsk", capital: "Улан-Удэ" },
  { code: "71", name: "Тульская область", timeZone: "Europe/Moscow", capital: "Тула" },
  { code: "69", name: "Тверская область", timeZone: "Europe/Moscow", capital: "Тверь" },
  { code: "23", name: "Краснодарский край", timeZone: "Europe/Moscow", capital: "Краснодар" },
];

/** Districts are named «… район», urban districts «город …». */
export const MUNICIPALITIES: readonly MunicipalitySeed[] = [
  ...(["город Чита", "город Петровск-Забайкальский", "Шилкинский район", "Нерчинский район", "Борзинский район",
    "Агинский район", "Читинский район", "Карымский район", "Оловяннинский район"] as const).map((name) => ({ regionCode: "75" as const, name })),
  ...(["город Улан-Удэ", "Бичурский район", "Кижингинский район", "Мухоршибирский район", "Джидинский район",
    "Селенгинский район"] as const).map((name) => ({ regionCode: "03" as const, name })),
  ...(["город Тула", "Щёкинский район", "город Новомосковск", "город Ефремов", "Узловский район",
    "Богородицкий район"] as const).map((name) => ({ regionCode: "71" as const, name })),
  ...(["город Тверь", "Ржевский район", "город Кимры", "город Торжок", "Бежецкий район",
    "Вышневолоцкий район"] as const).map((name) => ({ regionCode: "69" as const, name })),
  ...(["город Краснодар", "Белоглинский район", "Кущёвский район", "Славянский район", "Тихорецкий район",
    "Ейский район"] as const).map((name) => ({ regionCode: "23" as const, name })),
];

export const BODIES: readonly BodySeed[] = [
  // Забайкальский край (seed 000: the ministry's order, the ИРО runs the measures)
  {
    kind: "ministry", regionCode: "75", municipality: null,
    name: "Министерство образования и науки Забайкальского края",
    shortName: "Минобрнауки Забайкальского края",
    inn: "7536010074",
    address: "672000, Забайкальский край, г. Чита, ул. Амурская, д. 68",
    phone: "+7 (3022) 40-11-20", email: "minobr@zabkrai.example", website: "https://minobr.zabkrai.example",
  },
  {
    kind: "institute", regionCode: "75", municipality: null,
    name: "Государственное учреждение дополнительного профессионального образования «Институт развития образования Забайкальского края»",
    shortName: "ИРО Забайкальского края",
    inn: "7536010250",
    address: "672007, Забайкальский край, г. Чита, ул. Журавлёва, д. 40",
    phone: "+7 (3022) 40-12-30", email: "info@iro.zabkrai.example", website: "https://iro.zabkrai.example",
  },
  {
    kind: "cnppm", regionCode: "75", municipality: null,
    name: "Центр непрерывного повышения профессионального мастерства педагогических работников Института развития образования Забайкальского края",
    shortName: "ЦНППМ Забайкальского края",
    inn: "7536010317",
    address: "672007, Забайкальский край, г. Чита, ул. Журавлёва, д. 40, корп. 2",
    phone: "+7 (3022) 40-12-45", email: "cnppm@iro.zabkrai.example",
  },
  {
    kind: "coko", regionCode: "75", municipality: null,
    name: "Государственное учреждение «Забайкальский краевой центр оценки качества образования»",
    shortName: "ЦОКО Забайкальского края",
    inn: "7536010420",
    address: "672000, Забайкальский край, г. Чита, ул. Бабушкина, д. 52",
    phone: "+7 (3022) 40-13-10", email: "coko@zabkrai.example",
  },
  {
    kind: "municipal_office", regionCode: "75", municipality: "город Чита",
    name: "Комитет образования администрации городского округа «Город Чита»",
    shortName: "Комитет образования г. Читы",
    inn: "7536011102",
    address: "672000, Забайкальский край, г. Чита, ул. Профсоюзная, д. 1",
    phone: "+7 (3022) 41-20-05", email: "komobr@chita.example",
  },
  {
    kind: "municipal_office", regionCode: "75", municipality: "город Петровск-Забайкальский",
    name: "Управление образования администрации городского округа «Город Петровск-Забайкальский»",
    shortName: "УО г. Петровск-Забайкальского",
    inn: "7531011109",
    address: "673005, Забайкальский край, г. Петровск-Забайкальский, пл. Ленина, д. 1",
    phone: "+7 (30236) 2-10-15", email: "uo@petrovsk-zab.example",
  },
  {
    kind: "municipal_office", regionCode: "75", municipality: "Шилкинский район",
    name: "Комитет образования администрации муниципального района «Шилкинский район»",
    shortName: "Комитет образования Шилкинского района",
    inn: "7527011106",
    address: "673370, Забайкальский край, г. Шилка, ул. Ленина, д. 65",
    phone: "+7 (30244) 2-11-37", email: "komobr@shilka.example",
  },
  {
    kind: "municipal_office", regionCode: "75", municipality: "Нерчинский район",
    name: "Комитет образования администрации муниципального района «Нерчинский район»",
    shortName: "Комитет образования Нерчинского района",
    inn: "7529011101",
    address: "673400, Забайкальский край, г. Нерчинск, ул. Шилова, д. 3",
    phone: "+7 (30242) 4-12-70", email: "komobr@nerchinsk.example",
  },
  {
    kind: "municipal_office", regionCode: "75", municipality: "Борзинский район",
    name: "Управление образования администрации муниципального района «Борзинский район»",
    shortName: "УО Борзинского района",
    inn: "7529021100",
    address: "674600, Забайкальский край, г. Борзя, ул. Ленина, д. 37",
    phone: "+7 (30233) 3-15-22", email: "uo@borzya.example",
  },
  {
    kind: "municipal_office", regionCode: "75", municipality: "Агинский район",
    name: "Управление образования администрации муниципального района «Агинский район»",
    shortName: "УО Агинского района",
    inn: "7501011101",
    address: "687000, Забайкальский край, пгт Агинское, ул. Комсомольская, д. 15",
    phone: "+7 (30239) 3-44-18", email: "uo@aginsk.example",
  },
  {
    kind: "municipal_office", regionCode: "75", municipality: "Читинский район",
    name: "Комитет образования администрации муниципального района «Читинский район»",
    shortName: "Комитет образования Читинского района",
    inn: "7524011108",
    address: "672002, Забайкальский край, г. Чита, ул. Ленинградская, д. 55",
    phone: "+7 (3022) 32-03-61", email: "komobr@chitinsky.example",
  },
  {
    kind: "municipal_office", regionCode: "75", municipality: "Оловяннинский район",
    name: "Комитет образования администрации муниципального района «Оловяннинский район»",
    shortName: "Комитет образования Оловяннинского района",
    inn: "7515011101",
    address: "674500, Забайкальский край, пгт Оловянная, ул. Московская, д. 36",
    phone: "+7 (30253) 4-51-90", email: "komobr@olovyannaya.example",
  },
  // Республика Бурятия (seed 001: Bichura district roadmap)
  {
    kind: "ministry", regionCode: "03", municipality: null,
    name: "Министерство образования и науки Республики Бурятия",
    shortName: "Минобрнауки Республики Бурятия",
    inn: "0323010077",
    address: "670001, Республика Бурятия, г. Улан-Удэ, ул. Коммунистическая, д. 49",
    phone: "+7 (3012) 21-40-10", email: "minobr@buryatia.example", website: "https://minobr.buryatia.example",
  },
  {
    kind: "institute", regionCode: "03", municipality: null,
    name: "Государственное автономное учреждение дополнительного профессионального образования Республики Бурятия «Бурятский республиканский институт образовательной политики»",
    shortName: "БРИОП",
    inn: "0323010253",
    address: "670034, Республика Бурятия, г. Улан-Удэ, ул. Сахьяновой, д. 5",
    phone: "+7 (3012) 21-41-20", email: "info@briop.example", website: "https://briop.example",
  },
  {
    kind: "cnppm", regionCode: "03", municipality: null,
    name: "Центр непрерывного повышения профессионального мастерства педагогических работников Республики Бурятия",
    shortName: "ЦНППМ Республики Бурятия",
    inn: "0323010310",
    address: "670034, Республика Бурятия, г. Улан-Удэ, ул. Сахьяновой, д. 5, корп. 1",
    phone: "+7 (3012) 21-41-35", email: "cnppm@briop.example",
  },
  {
    kind: "municipal_office", regionCode: "03", municipality: "город Улан-Удэ",
    name: "Комитет по образованию Администрации г. Улан-Удэ",
    shortName: "Комитет по образованию г. Улан-Удэ",
    inn: "0326011103",
    address: "670000, Республика Бурятия, г. Улан-Удэ, ул. Ленина, д. 54",
    phone: "+7 (3012) 21-50-44", email: "komobr@ulan-ude.example",
  },
  {
    kind: "municipal_office", regionCode: "03", municipality: "Бичурский район",
    name: "Муниципальное учреждение «Районное управление образования» администрации муниципального образования «Бичурский район»",
    shortName: "МУ РУО Бичурского района",
    inn: "0304011100",
    address: "671360, Республика Бурятия, с. Бичура, ул. Советская, д. 43",
    phone: "+7 (30133) 4-11-70", email: "ruo@bichura.example",
  },
  {
    kind: "municipal_office", regionCode: "03", municipality: "Кижингинский район",
    name: "Районное управление образования администрации муниципального образования «Кижингинский район»",
    shortName: "РУО Кижингинского района",
    inn: "0308011100",
    address: "671450, Республика Бурятия, с. Кижинга, ул. Коммунистическая, д. 8",
    phone: "+7 (30141) 3-22-05", email: "ruo@kizhinga.example",
  },
  {
    kind: "municipal_office", regionCode: "03", municipality: "Мухоршибирский район",
    name: "Районное управление образования администрации муниципального образования «Мухоршибирский район»",
    shortName: "РУО Мухоршибирского района",
    inn: "0314011109",
    address: "671340, Республика Бурятия, с. Мухоршибирь, ул. 30 лет Победы, д. 11",
    phone: "+7 (30143) 2-14-51", email: "ruo@mukhorshibir.example",
  },
  {
    kind: "municipal_office", regionCode: "03", municipality: "Джидинский район",
    name: "Управление образования администрации муниципального образования «Джидинский район»",
    shortName: "УО Джидинского района",
    inn: "0307011108",
    address: "671920, Республика Бурятия, с. Петропавловка, ул. Терешковой, д. 20",
    phone: "+7 (30134) 4-13-92", email: "uo@dzhida.example",
  },
  {
    kind: "municipal_office", regionCode: "03", municipality: "Селенгинский район",
    name: "Управление образования администрации муниципального образования «Селенгинский район»",
    shortName: "УО Селенгинского района",
    inn: "0318011100",
    address: "671160, Республика Бурятия, г. Гусиноозёрск, ул. Пушкина, д. 12",
    phone: "+7 (30145) 4-20-38", email: "uo@selenga.example",
  },
  // Тульская область (seed 002: Shchekino district programme)
  {
    kind: "ministry", regionCode: "71", municipality: null,
    name: "Министерство образования Тульской области",
    shortName: "Минобр Тульской обл.",
    inn: "7106010072",
    address: "300041, Тульская область, г. Тула, ул. Оружейная, д. 5",
    phone: "+7 (4872) 24-50-10", email: "minobr@tularegion.example", website: "https://minobr.tularegion.example",
  },
  {
    kind: "institute", regionCode: "71", municipality: null,
    name: "Государственное образовательное учреждение дополнительного профессионального образования Тульской области «Институт повышения квалификации и профессиональной переподготовки работников образования Тульской области»",
    shortName: "ИПК и ППРО ТО",
    inn: "7106010259",
    address: "300041, Тульская область, г. Тула, ул. Ленина, д. 22",
    phone: "+7 (4872) 24-51-20", email: "info@ipk.tularegion.example", website: "https://ipk.tularegion.example",
  },
  {
    kind: "cnppm", regionCode: "71", municipality: null,
    name: "Центр непрерывного повышения профессионального мастерства педагогических работников Тульской области",
    shortName: "ЦНППМ Тульской обл.",
    inn: "7106010315",
    address: "300041, Тульская область, г. Тула, ул. Ленина, д. 22, корп. 3",
    phone: "+7 (4872) 24-51-40", email: "cnppm@ipk.tularegion.example",
  },
  {
    kind: "municipal_office", regionCode: "71", municipality: "город Тула",
    name: "Управление образования администрации города Тулы",
    shortName: "УО г. Тулы",
    inn: "7107011103",
    address: "300034, Тульская область, г. Тула, ул. Гоголевская, д. 73",
    phone: "+7 (4872) 56-30-12", email: "uo@tula.example",
  },
  {
    kind: "municipal_office", regionCode: "71", municipality: "Щёкинский район",
    name: "Комитет по образованию администрации муниципального образования Щёкинский район",
    shortName: "Комитет по образованию Щёкинского района",
    inn: "7118011105",
    address: "301240, Тульская область, г. Щёкино, пл. Ленина, д. 1",
    phone: "+7 (48751) 5-23-70", email: "komobr@schekino.example",
  },
  {
    kind: "municipal_office", regionCode: "71", municipality: "город Новомосковск",
    name: "Комитет по образованию администрации муниципального образования город Новомосковск",
    shortName: "Комитет по образованию г. Новомосковска",
    inn: "7116011100",
    address: "301650, Тульская область, г. Новомосковск, ул. Комсомольская, д. 32",
    phone: "+7 (48762) 6-41-15", email: "komobr@novomoskovsk.example",
  },
  {
    kind: "municipal_office", regionCode: "71", municipality: "город Ефремов",
    name: "Комитет по образованию администрации муниципального образования город Ефремов",
    shortName: "Комитет по образованию г. Ефремова",
    inn: "7113011101",
    address: "301840, Тульская область, г. Ефремов, ул. Свердлова, д. 43",
    phone: "+7 (48741) 6-20-48", email: "komobr@efremov.example",
  },
  {
    kind: "municipal_office", regionCode: "71", municipality: "Узловский район",
    name: "Комитет образования администрации муниципального образования Узловский район",
    shortName: "Комитет образования Узловского района",
    inn: "7117011102",
    address: "301600, Тульская область, г. Узловая, пл. Ленина, д. 1",
    phone: "+7 (48731) 6-10-27", email: "komobr@uzlovaya.example",
  },
  // Тверская область (seed 004: regional draft plan)
  {
    kind: "ministry", regionCode: "69", municipality: null,
    name: "Министерство образования Тверской области",
    shortName: "Минобр Тверской обл.",
    inn: "6905010077",
    address: "170100, Тверская область, г. Тверь, Свободный пер., д. 5",
    phone: "+7 (4822) 32-10-20", email: "minobr@tverreg.example", website: "https://minobr.tverreg.example",
  },
  {
    kind: "institute", regionCode: "69", municipality: null,
    name: "Государственное бюджетное образовательное учреждение дополнительного профессионального образования «Тверской областной институт усовершенствования учителей»",
    shortName: "ТОИУУ",
    inn: "6905010253",
    address: "170100, Тверская область, г. Тверь, ул. Брагина, д. 3",
    phone: "+7 (4822) 32-11-30", email: "info@toiuu.example", website: "https://toiuu.example",
  },
  {
    kind: "coko", regionCode: "69", municipality: null,
    name: "Государственное бюджетное учреждение Тверской области «Центр оценки качества образования»",
    shortName: "ЦОКО Тверской обл.",
    inn: "6905010422",
    address: "170034, Тверская область, г. Тверь, пр-т Чайковского, д. 19",
    phone: "+7 (4822) 32-12-50", email: "coko@tverreg.example",
  },
  {
    kind: "municipal_office", regionCode: "69", municipality: "город Тверь",
    name: "Управление образования администрации города Твери",
    shortName: "УО г. Твери",
    inn: "6901011104",
    address: "170100, Тверская область, г. Тверь, ул. Советская, д. 11",
    phone: "+7 (4822) 34-20-16", email: "uo@tver.example",
  },
  {
    kind: "municipal_office", regionCode: "69", municipality: "Ржевский район",
    name: "Отдел образования администрации Ржевского района",
    shortName: "Отдел образования Ржевского района",
    inn: "6914011101",
    address: "172390, Тверская область, г. Ржев, ул. Партизанская, д. 24",
    phone: "+7 (48232) 2-15-60", email: "oo@rzhev-rayon.example",
  },
  {
    kind: "municipal_office", regionCode: "69", municipality: "город Кимры",
    name: "Управление образования администрации города Кимры",
    shortName: "УО г. Кимры",
    inn: "6910011100",
    address: "171506, Тверская область, г. Кимры, ул. Урицкого, д. 18",
    phone: "+7 (48236) 3-11-44", email: "uo@kimry.example",
  },
  {
    kind: "municipal_office", regionCode: "69", municipality: "город Торжок",
    name: "Управление образования администрации города Торжка",
    shortName: "УО г. Торжка",
    inn: "6915011104",
    address: "172002, Тверская область, г. Торжок, ул. Дзержинского, д. 15",
    phone: "+7 (48251) 9-14-33", email: "uo@torzhok.example",
  },
  {
    kind: "municipal_office", regionCode: "69", municipality: "Бежецкий район",
    name: "Отдел образования администрации Бежецкого района",
    shortName: "Отдел образования Бежецкого района",
    inn: "6906011108",
    address: "171980, Тверская область, г. Бежецк, ул. Большая, д. 21",
    phone: "+7 (48231) 2-10-72", email: "oo@bezhetsk.example",
  },
  {
    kind: "municipal_office", regionCode: "69", municipality: "Вышневолоцкий район",
    name: "Управление образования администрации Вышневолоцкого района",
    shortName: "УО Вышневолоцкого района",
    inn: "6908011103",
    address: "171158, Тверская область, г. Вышний Волочёк, Казанский пр-т, д. 17",
    phone: "+7 (48233) 6-12-85", email: "uo@vvolochek.example",
  },
  // Краснодарский край (seed 003: regional plan; ГБОУ ИРО КК and ГКУ КК ЦОКО)
  {
    kind: "ministry", regionCode: "23", municipality: null,
    name: "Министерство образования и науки Краснодарского края",
    shortName: "Минобрнауки Краснодарского края",
    inn: "2308010076",
    address: "350063, Краснодарский край, г. Краснодар, ул. Рашпилевская, д. 23",
    phone: "+7 (861) 298-25-10", email: "minobr@krasnodar-krai.example", website: "https://minobr.krasnodar-krai.example",
  },
  {
    kind: "institute", regionCode: "23", municipality: null,
    name: "Государственное бюджетное образовательное учреждение дополнительного профессионального образования «Институт развития образования» Краснодарского края",
    shortName: "ГБОУ ИРО КК",
    inn: "2308010252",
    address: "350080, Краснодарский край, г. Краснодар, ул. Сормовская, д. 167",
    phone: "+7 (861) 232-85-20", email: "info@iro.krasnodar-krai.example", website: "https://iro.krasnodar-krai.example",
  },
  {
    kind: "cnppm", regionCode: "23", municipality: null,
    name: "Центр непрерывного повышения профессионального мастерства педагогических работников Краснодарского края",
    shortName: "ЦНППМ Краснодарского края",
    inn: "2308010319",
    address: "350080, Краснодарский край, г. Краснодар, ул. Сормовская, д. 167, корп. 2",
    phone: "+7 (861) 232-85-45", email: "cnppm@iro.krasnodar-krai.example",
  },
  {
    kind: "coko", regionCode: "23", municipality: null,
    name: "Государственное казённое учреждение Краснодарского края «Центр оценки качества образования»",
    shortName: "ГКУ КК ЦОКО",
    inn: "2308010421",
    address: "350080, Краснодарский край, г. Краснодар, ул. Стасова, д. 180",
    phone: "+7 (861) 236-40-30", email: "coko@krasnodar-krai.example",
  },
  {
    kind: "municipal_office", regionCode: "23", municipality: "город Краснодар",
    name: "Департамент образования администрации муниципального образования город Краснодар",
    shortName: "Департамент образования г. Краснодара",
    inn: "2310011101",
    address: "350000, Краснодарский край, г. Краснодар, ул. Красная, д. 87",
    phone: "+7 (861) 251-08-15", email: "depobr@krd.example",
  },
  {
    kind: "municipal_office", regionCode: "23", municipality: "Белоглинский район",
    name: "Управление образования администрации муниципального образования Белоглинский район",
    shortName: "УО Белоглинского района",
    inn: "2311011104",
    address: "353040, Краснодарский край, с. Белая Глина, ул. Красная, д. 160",
    phone: "+7 (86154) 7-22-41", email: "uo@belglin.example",
  },
  {
    kind: "municipal_office", regionCode: "23", municipality: "Кущёвский район",
    name: "Управление образованием администрации муниципального образования Кущёвский район",
    shortName: "УО Кущёвского района",
    inn: "2340011109",
    address: "352030, Краснодарский край, ст-ца Кущёвская, пер. Школьный, д. 55",
    phone: "+7 (86168) 5-41-06", email: "uo@kush.example",
  },
  {
    kind: "municipal_office", regionCode: "23", municipality: "Славянский район",
    name: "Управление образования администрации муниципального образования Славянский район",
    shortName: "УО Славянского района",
    inn: "2349011103",
    address: "353560, Краснодарский край, г. Славянск-на-Кубани, ул. Красная, д. 22",
    phone: "+7 (86146) 4-17-03", email: "uo@slavyansk.example",
  },
  {
    kind: "municipal_office", regionCode: "23", municipality: "Тихорецкий район",
    name: "Управление образования администрации муниципального образования Тихорецкий район",
    shortName: "УО Тихорецкого района",
    inn: "2321011103",
    address: "352120, Краснодарский край, г. Тихорецк, ул. Октябрьская, д. 38",
    phone: "+7 (86196) 7-25-53", email: "uo@tihoretsk.example",
  },
  {
    kind: "municipal_office", regionCode: "23", municipality: "Ейский район",
    name: "Управление образованием администрации муниципального образования Ейский район",
    shortName: "УО Ейского района",
    inn: "2361011100",
    address: "353680, Краснодарский край, г. Ейск, ул. Победы, д. 104",
    phone: "+7 (86132) 2-30-68", email: "uo@eysk.example",
  },
];

export { SCHOOLS } from "./schools.ts";
