/** Every string the interface shows (scenario texts come from the scenario files). */
export const messages = {
  en: {
    appName: 'Leverage Lab',
    levers: 'Levers',
    range: 'from {min} to {max} {unit}',
    defaultValue: 'default {value} {unit}',
    sources: 'Sources',
    teachingModel: 'Teaching model',
    language: 'العربية',
    scenarioNotFound: 'No scenario is available.',
  },
  ar: {
    appName: 'مختبر النفوذ',
    levers: 'أدوات الضغط',
    range: 'من {min} إلى {max} {unit}',
    defaultValue: 'القيمة الافتراضية {value} {unit}',
    sources: 'المصادر',
    teachingModel: 'نموذج تعليمي',
    language: 'English',
    scenarioNotFound: 'لا يوجد سيناريو متاح.',
  },
} as const;

export type MessageKey = keyof (typeof messages)['en'];
