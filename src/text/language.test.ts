import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, primaryLanguage } from './language.ts';

const PARAGRAPHS: Record<string, string> = {
  en: 'The city council approved a new budget on Tuesday evening, raising spending on schools and public transport while cutting the cost of parking permits for residents.',
  de: 'Der Stadtrat hat am Dienstagabend einen neuen Haushalt beschlossen, der mehr Geld für Schulen und den öffentlichen Nahverkehr vorsieht und die Parkgebühren für Anwohner senkt.',
  fr: 'Le conseil municipal a adopté mardi soir un nouveau budget qui augmente les dépenses pour les écoles et les transports publics tout en réduisant le prix du stationnement.',
  es: 'El ayuntamiento aprobó el martes por la noche un nuevo presupuesto que aumenta el gasto en escuelas y transporte público y reduce el precio del aparcamiento para los vecinos.',
  it: 'Il consiglio comunale ha approvato martedì sera un nuovo bilancio che aumenta la spesa per le scuole e i trasporti pubblici e riduce il costo dei permessi di sosta per i residenti.',
  pt: 'A câmara municipal aprovou na terça-feira à noite um novo orçamento que aumenta os gastos com escolas e transportes públicos e reduz o preço do estacionamento para os moradores.',
  nl: 'De gemeenteraad heeft dinsdagavond een nieuwe begroting goedgekeurd die meer geld uittrekt voor scholen en het openbaar vervoer en de parkeerkosten voor bewoners verlaagt.',
  ru: 'Городской совет во вторник вечером утвердил новый бюджет, который увеличивает расходы на школы и общественный транспорт и снижает стоимость парковки для жителей.',
  uk: 'Міська рада у вівторок увечері затвердила новий бюджет, який збільшує видатки на школи та громадський транспорт і знижує вартість паркування для мешканців.',
  zh: '市议会周二晚上批准了新的预算，增加了学校和公共交通的支出，同时降低了居民的停车费用。',
  ar: 'وافق مجلس المدينة مساء الثلاثاء على ميزانية جديدة تزيد الإنفاق على المدارس والنقل العام وتخفض رسوم مواقف السيارات للسكان.',
};

for (const [expected, paragraph] of Object.entries(PARAGRAPHS)) {
  test(`detectLanguage: ${expected}`, () => {
    assert.equal(detectLanguage(paragraph), expected);
  });
}

test('detectLanguage: falls back to en when the text is too short or has no words', () => {
  assert.equal(detectLanguage(''), 'en');
  assert.equal(detectLanguage('Ja.'), 'en');
  assert.equal(detectLanguage('1234 5678 — 90 %'), 'en');
  let garbage = '';
  for (let i = 0; i < 2000; i++) garbage += String.fromCharCode((i * 7919) % 0xffff);
  assert.match(detectLanguage(garbage), /^[a-z]{2}$/);
});

test('detectLanguage: reads only a prefix of a long text', () => {
  const long = `${PARAGRAPHS.de} ${PARAGRAPHS.de} ${PARAGRAPHS.de} ` + 'The rest of this text is English. '.repeat(20_000);
  assert.equal(detectLanguage(long), 'de');
});

test('primaryLanguage: region and script subtags are dropped', () => {
  assert.equal(primaryLanguage('en-US'), 'en');
  assert.equal(primaryLanguage(' pt_BR '), 'pt');
  assert.equal(primaryLanguage('zh-Hant-TW'), 'zh');
  assert.equal(primaryLanguage('DE'), 'de');
});
