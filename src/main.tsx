import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import scenarios from 'virtual:scenarios';
import { isLang } from './i18n/index.ts';
import { App } from './ui/App.tsx';
import './ui/app.css';

const params = new URLSearchParams(window.location.search);
const wanted = params.get('scenario') ?? 'belarus-prisoners';
const scenario = scenarios.find((s) => s.id === wanted) ?? scenarios[0];
const lang = isLang(params.get('lang')) ? (params.get('lang') as 'en' | 'ar') : 'en';
document.documentElement.lang = lang;
document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App scenario={scenario} lang={lang} />
  </StrictMode>,
);
