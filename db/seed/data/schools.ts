/**
 * Demo schools of the five regions with their programme status in 2024/2025, 2025/2026 and
 * 2026/2027. The schools, their numbers, addresses, phones, e-mails and ИНН are fictitious; the
 * towns and villages are real places of the districts named.
 *
 * The lists move realistically between years: a few schools leave the ШНОР list, a few enter it;
 * «500+» participants are ШНОР schools; a leading school (high results) is never on the ШНОР list
 * the same year. Zabaykalsky krai (seed 000) has the most: about ten low-result schools paired with
 * high-result schools and training sites.
 */
import type { SchoolFlag } from "../../schema/directory.ts";
import type { SchoolSeed, SchoolYearStatus } from "./directory.ts";

/** One year's status: the teacher count and the flags that are set (the others are false). */
function y(teacherCount: number, ...flags: SchoolFlag[]): SchoolYearStatus {
  return {
    lowResults: flags.includes("lowResults"),
    adverseConditions: flags.includes("adverseConditions"),
    leading: flags.includes("leading"),
    trainingSite: flags.includes("trainingSite"),
    project500: flags.includes("project500"),
    teacherCount,
  };
}

const L = "lowResults";
const A = "adverseConditions";
const LEAD = "leading";
const T = "trainingSite";
const P = "project500";

const MBOU = "Муниципальное бюджетное общеобразовательное учреждение";
const MAOU = "Муниципальное автономное общеобразовательное учреждение";
const MOU = "Муниципальное общеобразовательное учреждение";

export const SCHOOLS: readonly SchoolSeed[] = [
  // ── Забайкальский край (75) ─────────────────────────────────────────────────────────────────
  {
    regionCode: "75", municipality: "город Чита", rural: false,
    name: `${MBOU} «Гимназия № 14 г. Читы»`, shortName: "МБОУ Гимназия № 14 г. Читы",
    inn: "7536090143", address: "672039, Забайкальский край, г. Чита, ул. Июньская, д. 11",
    phone: "+7 (3022) 31-14-02", email: "gym14@chita.edu.example",
    years: { "2024/2025": y(76, LEAD, T), "2025/2026": y(77, LEAD, T), "2026/2027": y(78, LEAD, T) },
  },
  {
    regionCode: "75", municipality: "город Чита", rural: false,
    name: `${MBOU} «Лицей № 9 г. Читы»`, shortName: "МБОУ Лицей № 9 г. Читы",
    inn: "7536090094", address: "672010, Забайкальский край, г. Чита, ул. Бутина, д. 27",
    phone: "+7 (3022) 35-09-19", email: "lyceum9@chita.edu.example",
    years: { "2024/2025": y(62, LEAD), "2025/2026": y(63, LEAD), "2026/2027": y(64, LEAD, T) },
  },
  {
    regionCode: "75", municipality: "город Чита", rural: false,
    name: `${MBOU} «Средняя общеобразовательная школа № 57 г. Читы»`, shortName: "МБОУ СОШ № 57 г. Читы",
    inn: "7536090577", address: "672045, Забайкальский край, г. Чита, мкр. Северный, д. 40",
    phone: "+7 (3022) 36-57-10", email: "school57@chita.edu.example",
    years: { "2024/2025": y(52, A), "2025/2026": y(51, A), "2026/2027": y(50, A, L) },
  },
  {
    regionCode: "75", municipality: "город Чита", rural: false,
    name: `${MBOU} «Центр образования № 3 г. Читы»`, shortName: "МБОУ ЦО № 3 г. Читы",
    inn: "7536090030", address: "672014, Забайкальский край, г. Чита, ул. Ингодинская, д. 5",
    phone: "+7 (3022) 39-03-33", email: "co3@chita.edu.example",
    years: { "2024/2025": y(41, L, A, P), "2025/2026": y(40, L, A, P), "2026/2027": y(42, L, A, P) },
  },
  {
    regionCode: "75", municipality: "город Петровск-Забайкальский", rural: false,
    name: `${MOU} «Средняя общеобразовательная школа № 4 г. Петровск-Забайкальского»`,
    shortName: "МОУ СОШ № 4 г. Петровск-Забайкальского",
    inn: "7531090044", address: "673005, Забайкальский край, г. Петровск-Забайкальский, ул. Пушкина, д. 18",
    phone: "+7 (30236) 2-14-04", email: "school4@petrovsk-zab.edu.example",
    years: { "2024/2025": y(33, L, P), "2025/2026": y(33, L, P), "2026/2027": y(34) },
  },
  {
    regionCode: "75", municipality: "город Петровск-Забайкальский", rural: false,
    name: `${MOU} «Гимназия № 1 г. Петровск-Забайкальского»`, shortName: "МОУ Гимназия № 1 г. Петровск-Забайкальского",
    inn: "7531090012", address: "673005, Забайкальский край, г. Петровск-Забайкальский, ул. Горбачевского, д. 2",
    phone: "+7 (30236) 2-11-01", email: "gym1@petrovsk-zab.edu.example",
    years: { "2024/2025": y(36, LEAD), "2025/2026": y(36, LEAD), "2026/2027": y(37, LEAD) },
  },
  {
    regionCode: "75", municipality: "Шилкинский район", rural: false,
    name: `${MOU} «Средняя общеобразовательная школа № 2 г. Шилки»`, shortName: "МОУ СОШ № 2 г. Шилки",
    inn: "7527090027", address: "673370, Забайкальский край, г. Шилка, ул. Балябина, д. 30",
    phone: "+7 (30244) 2-12-02", email: "school2@shilka.edu.example",
    years: { "2024/2025": y(44, LEAD, T), "2025/2026": y(45, LEAD, T), "2026/2027": y(45, LEAD, T) },
  },
  {
    regionCode: "75", municipality: "Шилкинский район", rural: false,
    name: `${MOU} «Средняя общеобразовательная школа № 3 г. Шилки»`, shortName: "МОУ СОШ № 3 г. Шилки",
    inn: "7527090034", address: "673370, Забайкальский край, г. Шилка, ул. Энергетиков, д. 4",
    phone: "+7 (30244) 2-13-03", email: "school3@shilka.edu.example",
    years: { "2024/2025": y(28, L), "2025/2026": y(27, L), "2026/2027": y(27) },
  },
  {
    regionCode: "75", municipality: "Шилкинский район", rural: true,
    name: `${MOU} «Холбонская средняя общеобразовательная школа»`, shortName: "МОУ Холбонская СОШ",
    inn: "7527090108", address: "673381, Забайкальский край, Шилкинский район, с. Холбон, ул. Школьная, д. 1",
    phone: "+7 (30244) 3-41-10", email: "holbon@shilka.edu.example",
    years: { "2024/2025": y(19, L, A, P), "2025/2026": y(19, L, A, P), "2026/2027": y(18, L, A, P) },
  },
  {
    regionCode: "75", municipality: "Шилкинский район", rural: true,
    name: `${MOU} «Мирсановская основная общеобразовательная школа»`, shortName: "МОУ Мирсановская ООШ",
    inn: "7527090115", address: "673385, Забайкальский край, Шилкинский район, с. Мирсаново, ул. Центральная, д. 7",
    phone: "+7 (30244) 3-52-16", email: "mirsanovo@shilka.edu.example",
    years: { "2024/2025": y(12, A), "2025/2026": y(11, A), "2026/2027": y(11, A) },
  },
  {
    regionCode: "75", municipality: "Нерчинский район", rural: false,
    name: `${MOU} «Средняя общеобразовательная школа № 1 г. Нерчинска»`, shortName: "МОУ СОШ № 1 г. Нерчинска",
    inn: "7529090015", address: "673400, Забайкальский край, г. Нерчинск, ул. Советская, д. 21",
    phone: "+7 (30242) 4-10-01", email: "school1@nerchinsk.edu.example",
    years: { "2024/2025": y(48, LEAD), "2025/2026": y(48, LEAD), "2026/2027": y(49, LEAD, T) },
  },
  {
    regionCode: "75", municipality: "Нерчинский район", rural: true,
    name: `${MOU} «Зюльзинская средняя общеобразовательная школа»`, shortName: "МОУ Зюльзинская СОШ",
    inn: "7529090128", address: "673430, Забайкальский край, Нерчинский район, с. Зюльзя, ул. Школьная, д. 3",
    phone: "+7 (30242) 4-51-23", email: "zulzya@nerchinsk.edu.example",
    years: { "2024/2025": y(14, L, P), "2025/2026": y(13, L, P), "2026/2027": y(13, L, P) },
  },
  {
    regionCode: "75", municipality: "Нерчинский район", rural: true,
    name: `${MOU} «Знаменская средняя общеобразовательная школа»`, shortName: "МОУ Знаменская СОШ",
    inn: "7529090135", address: "673420, Забайкальский край, Нерчинский район, с. Знаменка, ул. Ленина, д. 12",
    phone: "+7 (30242) 4-61-30", email: "znamenka@nerchinsk.edu.example",
    years: { "2024/2025": y(16), "2025/2026": y(16, L), "2026/2027": y(15, L, P) },
  },
  {
    regionCode: "75", municipality: "Борзинский район", rural: false,
    name: `${MOU} «Средняя общеобразовательная школа № 43 г. Борзи»`, shortName: "МОУ СОШ № 43 г. Борзи",
    inn: "7529090431", address: "674600, Забайкальский край, г. Борзя, ул. Матросова, д. 14",
    phone: "+7 (30233) 3-43-43", email: "school43@borzya.edu.example",
    years: { "2024/2025": y(55, T), "2025/2026": y(56, T), "2026/2027": y(56, T) },
  },
  {
    regionCode: "75", municipality: "Борзинский район", rural: true,
    name: `${MOU} «Новоборзинская средняя общеобразовательная школа»`, shortName: "МОУ Новоборзинская СОШ",
    inn: "7529090142", address: "674621, Забайкальский край, Борзинский район, с. Новоборзинское, ул. Новая, д. 2",
    phone: "+7 (30233) 3-71-44", email: "novoborzya@borzya.edu.example",
    years: { "2024/2025": y(15, L, A), "2025/2026": y(15, L, A), "2026/2027": y(14, L, A) },
  },
  {
    regionCode: "75", municipality: "Агинский район", rural: false,
    name: `${MAOU} «Агинская средняя общеобразовательная школа № 2»`, shortName: "МАОУ Агинская СОШ № 2",
    inn: "7501090022", address: "687000, Забайкальский край, пгт Агинское, ул. Базара Ринчино, д. 80",
    phone: "+7 (30239) 3-42-02", email: "school2@aginsk.edu.example",
    years: { "2024/2025": y(58, LEAD), "2025/2026": y(59, LEAD), "2026/2027": y(60, LEAD) },
  },
  {
    regionCode: "75", municipality: "Агинский район", rural: true,
    name: `${MOU} «Судунтуйская средняя общеобразовательная школа»`, shortName: "МОУ Судунтуйская СОШ",
    inn: "7501090150", address: "687023, Забайкальский край, Агинский район, с. Судунтуй, ул. Цыбикова, д. 9",
    phone: "+7 (30239) 3-61-51", email: "sudunt@aginsk.edu.example",
    years: { "2024/2025": y(21, L, P), "2025/2026": y(20, L, P), "2026/2027": y(20, L, P) },
  },
  {
    regionCode: "75", municipality: "Читинский район", rural: true,
    name: `${MOU} «Смоленская средняя общеобразовательная школа»`, shortName: "МОУ Смоленская СОШ",
    inn: "7524090163", address: "672530, Забайкальский край, Читинский район, с. Смоленка, ул. Соснового Бора, д. 1",
    phone: "+7 (3022) 38-41-68", email: "smolenka@chitinsky.edu.example",
    years: { "2024/2025": y(25, T), "2025/2026": y(25, LEAD, T), "2026/2027": y(25, LEAD, T) },
  },
  {
    regionCode: "75", municipality: "Читинский район", rural: true,
    name: `${MOU} «Верх-Читинская средняя общеобразовательная школа»`, shortName: "МОУ Верх-Читинская СОШ",
    inn: "7524090170", address: "672520, Забайкальский край, Читинский район, с. Верх-Чита, ул. Ленина, д. 61",
    phone: "+7 (3022) 38-51-75", email: "verhchita@chitinsky.edu.example",
    years: { "2024/2025": y(17, L), "2025/2026": y(17, L), "2026/2027": y(16, L) },
  },
  {
    regionCode: "75", municipality: "Читинский район", rural: true,
    name: `${MOU} «Домнинская основная общеобразовательная школа»`, shortName: "МОУ Домнинская ООШ",
    inn: "7524090188", address: "672541, Забайкальский край, Читинский район, с. Домна, ул. Школьная, д. 4",
    phone: "+7 (3022) 38-61-82", email: "domna@chitinsky.edu.example",
    years: { "2024/2025": y(10, L, A), "2025/2026": y(10, A), "2026/2027": y(9, A) },
  },
  {
    regionCode: "75", municipality: "Карымский район", rural: false,
    name: `${MOU} «Средняя общеобразовательная школа № 1 пгт Карымское»`, shortName: "МОУ СОШ № 1 пгт Карымское",
    inn: "7508090014", address: "673300, Забайкальский край, пгт Карымское, ул. Ленинградская, д. 19",
    phone: "+7 (30234) 3-11-13", email: "school1@karymskoe.edu.example",
    years: { "2024/2025": y(42), "2025/2026": y(41), "2026/2027": y(42) },
  },
  {
    regionCode: "75", municipality: "Карымский район", rural: true,
    name: `${MOU} «Тыргетуйская основная общеобразовательная школа»`, shortName: "МОУ Тыргетуйская ООШ",
    inn: "7508090198", address: "673316, Забайкальский край, Карымский район, с. Тыргетуй, ул. Центральная, д. 10",
    phone: "+7 (30234) 3-71-99", email: "tyrgetui@karymskoe.edu.example",
    years: { "2024/2025": y(9, L, A, P), "2025/2026": y(9, L, A, P), "2026/2027": y(8, L, A, P) },
  },
  {
    regionCode: "75", municipality: "Оловяннинский район", rural: false,
    name: `${MOU} «Ясногорская средняя общеобразовательная школа»`, shortName: "МОУ Ясногорская СОШ",
    inn: "7515090209", address: "674520, Забайкальский край, Оловяннинский район, пгт Ясногорск, мкр. Солнечный, д. 5",
    phone: "+7 (30253) 4-12-06", email: "yasnogorsk@olovyannaya.edu.example",
    years: { "2024/2025": y(34, A), "2025/2026": y(34, A, L), "2026/2027": y(33, A, L) },
  },
  {
    regionCode: "75", municipality: "Оловяннинский район", rural: true,
    name: `${MOU} «Бытевская основная общеобразовательная школа»`, shortName: "МОУ Бытевская ООШ",
    inn: "7515090216", address: "674541, Забайкальский край, Оловяннинский район, с. Бытэв, ул. Школьная, д. 2",
    phone: "+7 (30253) 4-61-13", email: "bytev@olovyannaya.edu.example",
    years: { "2024/2025": y(10, L, P), "2025/2026": y(10, L, P), "2026/2027": y(10, L, P) },
  },

  // ── Республика Бурятия (03) ─────────────────────────────────────────────────────────────────
  {
    regionCode: "03", municipality: "город Улан-Удэ", rural: false,
    name: `${MAOU} «Гимназия № 59 г. Улан-Удэ»`, shortName: "МАОУ Гимназия № 59 г. Улан-Удэ",
    inn: "0326090592", address: "670047, Республика Бурятия, г. Улан-Удэ, ул. Пирогова, д. 26",
    phone: "+7 (3012) 44-59-10", email: "gym59@ulan-ude.edu.example",
    years: { "2024/2025": y(82, LEAD, T), "2025/2026": y(83, LEAD, T), "2026/2027": y(84, LEAD, T) },
  },
  {
    regionCode: "03", municipality: "город Улан-Удэ", rural: false,
    name: `${MAOU} «Средняя общеобразовательная школа № 71 г. Улан-Удэ»`, shortName: "МАОУ СОШ № 71 г. Улан-Удэ",
    inn: "0326090715", address: "670024, Республика Бурятия, г. Улан-Удэ, ул. Столбовая, д. 62",
    phone: "+7 (3012) 45-71-20", email: "school71@ulan-ude.edu.example",
    years: { "2024/2025": y(58, A), "2025/2026": y(58, A), "2026/2027": y(57, A, L) },
  },
  {
    regionCode: "03", municipality: "город Улан-Удэ", rural: false,
    name: `${MAOU} «Лицей № 62 г. Улан-Удэ»`, shortName: "МАОУ Лицей № 62 г. Улан-Удэ",
    inn: "0326090627", address: "670031, Республика Бурятия, г. Улан-Удэ, ул. Терешковой, д. 14",
    phone: "+7 (3012) 46-62-30", email: "lyceum62@ulan-ude.edu.example",
    years: { "2024/2025": y(70, LEAD), "2025/2026": y(71, LEAD), "2026/2027": y(71, LEAD) },
  },
  {
    regionCode: "03", municipality: "Бичурский район", rural: true,
    name: `${MBOU} «Бичурская средняя общеобразовательная школа № 1»`, shortName: "МБОУ Бичурская СОШ № 1",
    inn: "0304090013", address: "671360, Республика Бурятия, Бичурский район, с. Бичура, ул. Советская, д. 72",
    phone: "+7 (30133) 4-10-17", email: "bichura1@bichura.edu.example",
    years: { "2024/2025": y(25, LEAD), "2025/2026": y(25, LEAD, T), "2026/2027": y(25, LEAD, T) },
  },
  {
    regionCode: "03", municipality: "Бичурский район", rural: true,
    name: `${MBOU} «Малокуналейская средняя общеобразовательная школа»`, shortName: "МБОУ Малокуналейская СОШ",
    inn: "0304090101", address: "671371, Республика Бурятия, Бичурский район, с. Малый Куналей, ул. Ленина, д. 48",
    phone: "+7 (30133) 5-21-03", email: "mkunaley@bichura.edu.example",
    years: { "2024/2025": y(18, L, P), "2025/2026": y(18, L, P), "2026/2027": y(17, L, P) },
  },
  {
    regionCode: "03", municipality: "Бичурский район", rural: true,
    name: `${MBOU} «Окино-Ключевская средняя общеобразовательная школа»`, shortName: "МБОУ Окино-Ключевская СОШ",
    inn: "0304090119", address: "671374, Республика Бурятия, Бичурский район, с. Окино-Ключи, ул. Школьная, д. 1",
    phone: "+7 (30133) 5-41-10", email: "okinokl@bichura.edu.example",
    years: { "2024/2025": y(15, L, A), "2025/2026": y(15, L, A), "2026/2027": y(15, L, A, P) },
  },
  {
    regionCode: "03", municipality: "Бичурский район", rural: true,
    name: `${MBOU} «Потанинская основная общеобразовательная школа»`, shortName: "МБОУ Потанинская ООШ",
    inn: "0304090126", address: "671365, Республика Бурятия, Бичурский район, с. Потанино, ул. Центральная, д. 15",
    phone: "+7 (30133) 5-61-27", email: "potanino@bichura.edu.example",
    years: { "2024/2025": y(9), "2025/2026": y(9, L), "2026/2027": y(8, L) },
  },
  {
    regionCode: "03", municipality: "Кижингинский район", rural: true,
    name: `${MBOU} «Кижингинская средняя общеобразовательная школа № 2»`, shortName: "МБОУ Кижингинская СОШ № 2",
    inn: "0308090021", address: "671450, Республика Бурятия, Кижингинский район, с. Кижинга, ул. Бадмаева, д. 2",
    phone: "+7 (30141) 3-20-24", email: "kizhinga2@kizhinga.edu.example",
    years: { "2024/2025": y(24, L), "2025/2026": y(23), "2026/2027": y(24) },
  },
  {
    regionCode: "03", municipality: "Кижингинский район", rural: true,
    name: `${MBOU} «Чесанская средняя общеобразовательная школа»`, shortName: "МБОУ Чесанская СОШ",
    inn: "0308090134", address: "671455, Республика Бурятия, Кижингинский район, с. Чесан, ул. Школьная, д. 6",
    phone: "+7 (30141) 3-51-34", email: "chesan@kizhinga.edu.example",
    years: { "2024/2025": y(14, L, P), "2025/2026": y(14, L, P), "2026/2027": y(13, L, P) },
  },
  {
    regionCode: "03", municipality: "Мухоршибирский район", rural: true,
    name: `${MBOU} «Мухоршибирская средняя общеобразовательная школа № 1»`, shortName: "МБОУ Мухоршибирская СОШ № 1",
    inn: "0314090012", address: "671340, Республика Бурятия, Мухоршибирский район, с. Мухоршибирь, ул. Школьная, д. 3",
    phone: "+7 (30143) 2-10-19", email: "muhor1@mukhorshibir.edu.example",
    years: { "2024/2025": y(25, T), "2025/2026": y(25, T), "2026/2027": y(24, T) },
  },
  {
    regionCode: "03", municipality: "Мухоршибирский район", rural: true,
    name: `${MBOU} «Цолгинская средняя общеобразовательная школа»`, shortName: "МБОУ Цолгинская СОШ",
    inn: "0314090140", address: "671352, Республика Бурятия, Мухоршибирский район, с. Цолга, ул. Ленина, д. 27",
    phone: "+7 (30143) 2-61-41", email: "tsolga@mukhorshibir.edu.example",
    years: { "2024/2025": y(13, L, A, P), "2025/2026": y(12, L, A, P), "2026/2027": y(12, L, A, P) },
  },
  {
    regionCode: "03", municipality: "Джидинский район", rural: true,
    name: `${MBOU} «Петропавловская средняя общеобразовательная школа № 2»`, shortName: "МБОУ Петропавловская СОШ № 2",
    inn: "0307090029", address: "671920, Республика Бурятия, Джидинский район, с. Петропавловка, ул. Свердлова, д. 40",
    phone: "+7 (30134) 4-12-20", email: "petropavl2@dzhida.edu.example",
    years: { "2024/2025": y(23, A), "2025/2026": y(23, A), "2026/2027": y(22, A) },
  },
  {
    regionCode: "03", municipality: "Селенгинский район", rural: false,
    name: `${MAOU} «Гусиноозёрская средняя общеобразовательная школа № 5»`, shortName: "МАОУ Гусиноозёрская СОШ № 5",
    inn: "0318090052", address: "671160, Республика Бурятия, Селенгинский район, г. Гусиноозёрск, мкр. 4-й, д. 15",
    phone: "+7 (30145) 4-10-56", email: "school5@gusinoozersk.edu.example",
    years: { "2024/2025": y(36, L, P), "2025/2026": y(35, L), "2026/2027": y(35, L) },
  },

  // ── Тульская область (71) ───────────────────────────────────────────────────────────────────
  {
    regionCode: "71", municipality: "город Тула", rural: false,
    name: `${MBOU} «Центр образования № 61 г. Тулы»`, shortName: "МБОУ ЦО № 61 г. Тулы",
    inn: "7107090610", address: "300026, Тульская область, г. Тула, ул. Рязанская, д. 31",
    phone: "+7 (4872) 33-61-11", email: "co61@tula.edu.example",
    years: { "2024/2025": y(47, L, A, P), "2025/2026": y(46, L, A, P), "2026/2027": y(46, L, A, P) },
  },
  {
    regionCode: "71", municipality: "город Тула", rural: false,
    name: `${MBOU} «Гимназия № 17 г. Тулы»`, shortName: "МБОУ Гимназия № 17 г. Тулы",
    inn: "7107090176", address: "300041, Тульская область, г. Тула, ул. Жуковского, д. 17",
    phone: "+7 (4872) 31-17-17", email: "gym17@tula.edu.example",
    years: { "2024/2025": y(75, LEAD, T), "2025/2026": y(75, LEAD, T), "2026/2027": y(76, LEAD, T) },
  },
  {
    regionCode: "71", municipality: "город Тула", rural: false,
    name: `${MBOU} «Центр образования № 58 г. Тулы»`, shortName: "МБОУ ЦО № 58 г. Тулы",
    inn: "7107090585", address: "300045, Тульская область, г. Тула, ул. Новомосковская, д. 8",
    phone: "+7 (4872) 33-58-58", email: "co58@tula.edu.example",
    years: { "2024/2025": y(51, A), "2025/2026": y(50, A), "2026/2027": y(50, A) },
  },
  {
    regionCode: "71", municipality: "Щёкинский район", rural: false,
    name: `${MBOU} «Средняя общеобразовательная школа № 14 г. Щёкино»`, shortName: "МБОУ СОШ № 14 г. Щёкино",
    inn: "7118090146", address: "301248, Тульская область, г. Щёкино, ул. Лукашина, д. 12",
    phone: "+7 (48751) 5-14-14", email: "school14@schekino.edu.example",
    years: { "2024/2025": y(55, LEAD), "2025/2026": y(55, LEAD, T), "2026/2027": y(56, LEAD, T) },
  },
  {
    regionCode: "71", municipality: "Щёкинский район", rural: false,
    name: `${MBOU} «Средняя общеобразовательная школа № 9 г. Щёкино»`, shortName: "МБОУ СОШ № 9 г. Щёкино",
    inn: "7118090097", address: "301246, Тульская область, г. Щёкино, ул. Пионерская, д. 23",
    phone: "+7 (48751) 5-19-09", email: "school9@schekino.edu.example",
    years: { "2024/2025": y(34, L, P), "2025/2026": y(34, L), "2026/2027": y(33, L) },
  },
  {
    regionCode: "71", municipality: "Щёкинский район", rural: true,
    name: `${MBOU} «Ломинцевская средняя общеобразовательная школа»`, shortName: "МБОУ Ломинцевская СОШ",
    inn: "7118090202", address: "301233, Тульская область, Щёкинский район, п. Ломинцевский, ул. Победы, д. 5",
    phone: "+7 (48751) 7-32-08", email: "lomintsevo@schekino.edu.example",
    years: { "2024/2025": y(19, L, A, P), "2025/2026": y(19, L, A, P), "2026/2027": y(18, L, A, P) },
  },
  {
    regionCode: "71", municipality: "Щёкинский район", rural: true,
    name: `${MBOU} «Крапивенская средняя общеобразовательная школа»`, shortName: "МБОУ Крапивенская СОШ",
    inn: "7118090210", address: "301221, Тульская область, Щёкинский район, с. Крапивна, ул. Коммунаров, д. 14",
    phone: "+7 (48751) 7-41-15", email: "krapivna@schekino.edu.example",
    years: { "2024/2025": y(17, L), "2025/2026": y(17, L), "2026/2027": y(17) },
  },
  {
    regionCode: "71", municipality: "Щёкинский район", rural: true,
    name: `${MBOU} «Пришненская основная общеобразовательная школа»`, shortName: "МБОУ Пришненская ООШ",
    inn: "7118090227", address: "301226, Тульская область, Щёкинский район, с. Пришня, ул. Школьная, д. 2",
    phone: "+7 (48751) 7-52-22", email: "prishnya@schekino.edu.example",
    years: { "2024/2025": y(11), "2025/2026": y(11, L), "2026/2027": y(10, L, P) },
  },
  {
    regionCode: "71", municipality: "город Новомосковск", rural: false,
    name: `${MBOU} «Лицей № 7 г. Новомосковска»`, shortName: "МБОУ Лицей № 7 г. Новомосковска",
    inn: "7116090077", address: "301650, Тульская область, г. Новомосковск, ул. Мира, д. 7",
    phone: "+7 (48762) 6-07-07", email: "lyceum7@novomoskovsk.edu.example",
    years: { "2024/2025": y(62, LEAD), "2025/2026": y(62, LEAD), "2026/2027": y(63, LEAD) },
  },
  {
    regionCode: "71", municipality: "город Новомосковск", rural: true,
    name: `${MBOU} «Гремячевская средняя общеобразовательная школа»`, shortName: "МБОУ Гремячевская СОШ",
    inn: "7116090239", address: "301683, Тульская область, г. Новомосковск, с. Гремячее, ул. Школьная, д. 9",
    phone: "+7 (48762) 9-12-39", email: "gremyachee@novomoskovsk.edu.example",
    years: { "2024/2025": y(16, L, P), "2025/2026": y(16, L, P), "2026/2027": y(15, L, P) },
  },
  {
    regionCode: "71", municipality: "город Ефремов", rural: false,
    name: `${MBOU} «Средняя общеобразовательная школа № 8 г. Ефремова»`, shortName: "МБОУ СОШ № 8 г. Ефремова",
    inn: "7113090086", address: "301840, Тульская область, г. Ефремов, ул. Лермонтова, д. 36",
    phone: "+7 (48741) 6-08-08", email: "school8@efremov.edu.example",
    years: { "2024/2025": y(38, L), "2025/2026": y(37, L), "2026/2027": y(37, L) },
  },
  {
    regionCode: "71", municipality: "Узловский район", rural: true,
    name: `${MBOU} «Партизанская средняя общеобразовательная школа»`, shortName: "МБОУ Партизанская СОШ",
    inn: "7117090249", address: "301630, Тульская область, Узловский район, п. Партизан, ул. Школьная, д. 11",
    phone: "+7 (48731) 7-22-46", email: "partizan@uzlovaya.edu.example",
    years: { "2024/2025": y(18, A), "2025/2026": y(18, A), "2026/2027": y(17, A) },
  },
  {
    regionCode: "71", municipality: "Богородицкий район", rural: false,
    name: `${MBOU} «Товарковская средняя общеобразовательная школа № 1»`, shortName: "МБОУ Товарковская СОШ № 1",
    inn: "7112090012", address: "301810, Тульская область, Богородицкий район, пгт Товарковский, ул. Тимирязева, д. 2",
    phone: "+7 (48761) 3-10-16", email: "tovarkovo1@bogoroditsk.edu.example",
    years: { "2024/2025": y(40, T), "2025/2026": y(40, T), "2026/2027": y(41, T) },
  },

  // ── Тверская область (69) ───────────────────────────────────────────────────────────────────
  {
    regionCode: "69", municipality: "город Тверь", rural: false,
    name: `${MOU} «Гимназия № 44 г. Твери»`, shortName: "МОУ Гимназия № 44 г. Твери",
    inn: "6901090441", address: "170028, Тверская область, г. Тверь, пр-т Победы, д. 44",
    phone: "+7 (4822) 42-44-44", email: "gym44@tver.edu.example",
    years: { "2024/2025": y(80, LEAD, T), "2025/2026": y(81, LEAD, T), "2026/2027": y(81, LEAD, T) },
  },
  {
    regionCode: "69", municipality: "город Тверь", rural: false,
    name: `${MOU} «Средняя общеобразовательная школа № 61 г. Твери»`, shortName: "МОУ СОШ № 61 г. Твери",
    inn: "6901090610", address: "170039, Тверская область, г. Тверь, ул. Паши Савельевой, д. 61",
    phone: "+7 (4822) 43-61-61", email: "school61@tver.edu.example",
    years: { "2024/2025": y(49, L, A), "2025/2026": y(48, L, A), "2026/2027": y(48, L, A) },
  },
  {
    regionCode: "69", municipality: "город Тверь", rural: false,
    name: `${MOU} «Центр образования № 5 г. Твери»`, shortName: "МОУ ЦО № 5 г. Твери",
    inn: "6901090057", address: "170017, Тверская область, г. Тверь, ул. Коминтерна, д. 5",
    phone: "+7 (4822) 44-05-05", email: "co5@tver.edu.example",
    years: { "2024/2025": y(45, L, P), "2025/2026": y(45, L), "2026/2027": y(44) },
  },
  {
    regionCode: "69", municipality: "Ржевский район", rural: true,
    name: `${MOU} «Есинская средняя общеобразовательная школа»`, shortName: "МОУ Есинская СОШ",
    inn: "6914090255", address: "172360, Тверская область, Ржевский район, д. Есинка, ул. Школьная, д. 1",
    phone: "+7 (48232) 7-32-54", email: "esinka@rzhev.edu.example",
    years: { "2024/2025": y(14, L, P), "2025/2026": y(14, L, P), "2026/2027": y(13, L, P) },
  },
  {
    regionCode: "69", municipality: "Ржевский район", rural: true,
    name: `${MOU} «Победовская средняя общеобразовательная школа»`, shortName: "МОУ Победовская СОШ",
    inn: "6914090262", address: "172381, Тверская область, Ржевский район, п. Победа, ул. Центральная, д. 8",
    phone: "+7 (48232) 7-42-61", email: "pobeda@rzhev.edu.example",
    years: { "2024/2025": y(16, L), "2025/2026": y(16), "2026/2027": y(15) },
  },
  {
    regionCode: "69", municipality: "город Кимры", rural: false,
    name: `${MOU} «Средняя общеобразовательная школа № 19 г. Кимры»`, shortName: "МОУ СОШ № 19 г. Кимры",
    inn: "6910090198", address: "171503, Тверская область, г. Кимры, ул. Кириллова, д. 19",
    phone: "+7 (48236) 3-19-19", email: "school19@kimry.edu.example",
    years: { "2024/2025": y(33, L), "2025/2026": y(33, L), "2026/2027": y(32, L, P) },
  },
  {
    regionCode: "69", municipality: "город Кимры", rural: false,
    name: `${MOU} «Гимназия № 2 г. Кимры»`, shortName: "МОУ Гимназия № 2 г. Кимры",
    inn: "6910090021", address: "171506, Тверская область, г. Кимры, ул. Володарского, д. 2",
    phone: "+7 (48236) 3-02-02", email: "gym2@kimry.edu.example",
    years: { "2024/2025": y(41, LEAD), "2025/2026": y(41, LEAD), "2026/2027": y(42, LEAD) },
  },
  {
    regionCode: "69", municipality: "город Торжок", rural: false,
    name: `${MOU} «Средняя общеобразовательная школа № 12 г. Торжка»`, shortName: "МОУ СОШ № 12 г. Торжка",
    inn: "6915090120", address: "172008, Тверская область, г. Торжок, Калининское ш., д. 12",
    phone: "+7 (48251) 9-12-12", email: "school12@torzhok.edu.example",
    years: { "2024/2025": y(46, T), "2025/2026": y(46, T), "2026/2027": y(47, LEAD, T) },
  },
  {
    regionCode: "69", municipality: "Бежецкий район", rural: true,
    name: `${MOU} «Моркиногорская средняя общеобразовательная школа»`, shortName: "МОУ Моркиногорская СОШ",
    inn: "6906090276", address: "171960, Тверская область, Бежецкий район, с. Моркины Горы, ул. Школьная, д. 3",
    phone: "+7 (48231) 7-62-78", email: "morkinygory@bezhetsk.edu.example",
    years: { "2024/2025": y(13, L, A), "2025/2026": y(13, L, A), "2026/2027": y(12, L, A) },
  },
  {
    regionCode: "69", municipality: "Бежецкий район", rural: true,
    name: `${MOU} «Городищенская основная общеобразовательная школа»`, shortName: "МОУ Городищенская ООШ",
    inn: "6906090283", address: "171972, Тверская область, Бежецкий район, с. Городище, ул. Садовая, д. 6",
    phone: "+7 (48231) 7-72-85", email: "gorodische@bezhetsk.edu.example",
    years: { "2024/2025": y(9), "2025/2026": y(9, L, P), "2026/2027": y(8, L, P) },
  },
  {
    regionCode: "69", municipality: "Вышневолоцкий район", rural: false,
    name: `${MOU} «Красномайская средняя общеобразовательная школа»`, shortName: "МОУ Красномайская СОШ",
    inn: "6908090296", address: "171130, Тверская область, Вышневолоцкий район, пгт Красномайский, ул. Кирова, д. 10",
    phone: "+7 (48233) 7-12-92", email: "krasnomaysky@vvolochek.edu.example",
    years: { "2024/2025": y(27, A), "2025/2026": y(27, A), "2026/2027": y(26, A) },
  },
  {
    regionCode: "69", municipality: "Вышневолоцкий район", rural: true,
    name: `${MOU} «Садовая основная общеобразовательная школа»`, shortName: "МОУ Садовая ООШ",
    inn: "6908090306", address: "171141, Тверская область, Вышневолоцкий район, п. Садовый, ул. Лесная, д. 4",
    phone: "+7 (48233) 7-33-09", email: "sadovy@vvolochek.edu.example",
    years: { "2024/2025": y(10, L, A, P), "2025/2026": y(10, L, A, P), "2026/2027": y(10, L, A, P) },
  },

  // ── Краснодарский край (23) ─────────────────────────────────────────────────────────────────
  {
    regionCode: "23", municipality: "город Краснодар", rural: false,
    name: `${MAOU} «Лицей № 94 г. Краснодара»`, shortName: "МАОУ Лицей № 94 г. Краснодара",
    inn: "2310090946", address: "350072, Краснодарский край, г. Краснодар, ул. Московская, д. 94",
    phone: "+7 (861) 252-94-94", email: "lyceum94@krd.edu.example",
    years: { "2024/2025": y(88, LEAD, T), "2025/2026": y(89, LEAD, T), "2026/2027": y(90, LEAD, T) },
  },
  {
    regionCode: "23", municipality: "город Краснодар", rural: false,
    name: `${MBOU} «Средняя общеобразовательная школа № 112 г. Краснодара»`, shortName: "МБОУ СОШ № 112 г. Краснодара",
    inn: "2310091121", address: "350901, Краснодарский край, г. Краснодар, ул. Российская, д. 112",
    phone: "+7 (861) 253-11-12", email: "school112@krd.edu.example",
    years: { "2024/2025": y(64, A), "2025/2026": y(65, A), "2026/2027": y(66, A) },
  },
  {
    regionCode: "23", municipality: "город Краснодар", rural: false,
    name: `${MBOU} «Средняя общеобразовательная школа № 108 г. Краснодара»`, shortName: "МБОУ СОШ № 108 г. Краснодара",
    inn: "2310091080", address: "350033, Краснодарский край, г. Краснодар, ул. Ставропольская, д. 108",
    phone: "+7 (861) 254-10-08", email: "school108@krd.edu.example",
    years: { "2024/2025": y(60, L, P), "2025/2026": y(60, L), "2026/2027": y(61, L) },
  },
  {
    regionCode: "23", municipality: "Белоглинский район", rural: true,
    name: `${MBOU} «Средняя общеобразовательная школа № 3 с. Белая Глина»`, shortName: "МБОУ СОШ № 3 с. Белая Глина",
    inn: "2311090032", address: "353040, Краснодарский край, Белоглинский район, с. Белая Глина, ул. Первомайская, д. 3",
    phone: "+7 (86154) 7-23-03", email: "school3@belglin.edu.example",
    years: { "2024/2025": y(25, LEAD), "2025/2026": y(25, LEAD), "2026/2027": y(25, LEAD) },
  },
  {
    regionCode: "23", municipality: "Белоглинский район", rural: true,
    name: `${MBOU} «Средняя общеобразовательная школа № 5 с. Новопавловка»`, shortName: "МБОУ СОШ № 5 с. Новопавловка",
    inn: "2311090314", address: "353051, Краснодарский край, Белоглинский район, с. Новопавловка, ул. Ленина, д. 21",
    phone: "+7 (86154) 7-53-16", email: "school5@belglin.edu.example",
    years: { "2024/2025": y(18, L, P), "2025/2026": y(18, L, P), "2026/2027": y(17, L, P) },
  },
  {
    regionCode: "23", municipality: "Кущёвский район", rural: true,
    name: `${MBOU} «Средняя общеобразовательная школа № 1 ст-цы Кущёвской»`, shortName: "МБОУ СОШ № 1 ст-цы Кущёвской",
    inn: "2340090012", address: "352030, Краснодарский край, Кущёвский район, ст-ца Кущёвская, ул. Красная, д. 41",
    phone: "+7 (86168) 5-40-01", email: "school1@kush.edu.example",
    years: { "2024/2025": y(25, T), "2025/2026": y(25, T), "2026/2027": y(25, T) },
  },
  {
    regionCode: "23", municipality: "Кущёвский район", rural: true,
    name: `${MBOU} «Основная общеобразовательная школа № 19 пос. Комсомолец»`, shortName: "МБОУ ООШ № 19 пос. Комсомолец",
    inn: "2340090326", address: "352045, Краснодарский край, Кущёвский район, пос. Комсомолец, ул. Школьная, д. 2",
    phone: "+7 (86168) 5-73-23", email: "school19@kush.edu.example",
    years: { "2024/2025": y(11, L, A), "2025/2026": y(11, L, A), "2026/2027": y(11, L, A) },
  },
  {
    regionCode: "23", municipality: "Славянский район", rural: false,
    name: `${MBOU} «Средняя общеобразовательная школа № 14 г. Славянска-на-Кубани»`,
    shortName: "МБОУ СОШ № 14 г. Славянска-на-Кубани",
    inn: "2349090144", address: "353560, Краснодарский край, г. Славянск-на-Кубани, ул. Отдельская, д. 14",
    phone: "+7 (86146) 4-14-14", email: "school14@slavyansk.edu.example",
    years: { "2024/2025": y(42), "2025/2026": y(42), "2026/2027": y(41, L) },
  },
  {
    regionCode: "23", municipality: "Славянский район", rural: true,
    name: `${MBOU} «Средняя общеобразовательная школа № 27 ст-цы Петровской»`, shortName: "МБОУ СОШ № 27 ст-цы Петровской",
    inn: "2349090338", address: "353580, Краснодарский край, Славянский район, ст-ца Петровская, ул. Красная, д. 27",
    phone: "+7 (86146) 9-27-27", email: "school27@slavyansk.edu.example",
    years: { "2024/2025": y(22, L, A, P), "2025/2026": y(22, L, A, P), "2026/2027": y(21, L, A, P) },
  },
  {
    regionCode: "23", municipality: "Тихорецкий район", rural: false,
    name: `${MBOU} «Гимназия № 6 г. Тихорецка»`, shortName: "МБОУ Гимназия № 6 г. Тихорецка",
    inn: "2321090063", address: "352120, Краснодарский край, г. Тихорецк, ул. Энгельса, д. 6",
    phone: "+7 (86196) 7-06-06", email: "gym6@tihoretsk.edu.example",
    years: { "2024/2025": y(52, LEAD), "2025/2026": y(52, LEAD, T), "2026/2027": y(53, LEAD, T) },
  },
  {
    regionCode: "23", municipality: "Тихорецкий район", rural: true,
    name: `${MBOU} «Основная общеобразовательная школа № 28 пос. Парковый»`, shortName: "МБОУ ООШ № 28 пос. Парковый",
    inn: "2321090345", address: "352125, Краснодарский край, Тихорецкий район, пос. Парковый, ул. Гагарина, д. 28",
    phone: "+7 (86196) 7-28-28", email: "school28@tihoretsk.edu.example",
    years: { "2024/2025": y(12, L), "2025/2026": y(12, L), "2026/2027": y(12, L, P) },
  },
  {
    regionCode: "23", municipality: "Ейский район", rural: false,
    name: `${MBOU} «Средняя общеобразовательная школа № 11 г. Ейска»`, shortName: "МБОУ СОШ № 11 г. Ейска",
    inn: "2361090119", address: "353680, Краснодарский край, г. Ейск, ул. Коммунистическая, д. 11",
    phone: "+7 (86132) 2-11-11", email: "school11@eysk.edu.example",
    years: { "2024/2025": y(39, L, A), "2025/2026": y(39, A), "2026/2027": y(38, A) },
  },
  {
    regionCode: "23", municipality: "Ейский район", rural: true,
    name: `${MBOU} «Средняя общеобразовательная школа № 16 с. Александровка»`, shortName: "МБОУ СОШ № 16 с. Александровка",
    inn: "2361090359", address: "353660, Краснодарский край, Ейский район, с. Александровка, ул. Мира, д. 16",
    phone: "+7 (86132) 9-16-16", email: "school16@eysk.edu.example",
    years: { "2024/2025": y(17, L), "2025/2026": y(17, L), "2026/2027": y(16, L) },
  },
];
