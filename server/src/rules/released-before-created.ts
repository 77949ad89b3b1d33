import { cableExample } from './examples';
import type { Rule } from './types';

/** Metadata sanity: a cable is published after it was written. */
export const rule: Rule = {
  id: 'released-before-created',
  description: 'The metadata Released date is before the Created date.',
  defaultSeverity: 'error',
  tags: ['metadata'],
  fixable: false,
  docs: {
    checks: 'Reports a metadata `Released` time earlier than the `Created` time (wikileaks.org table layout).',
    why: 'Released is when WikiLeaks published the cable, Created its DTG [SIPDIS-06]; a release before creation means one of the dates was mistyped or belongs to another cable.',
    sources: ['SIPDIS-06'],
    triggers: {
      text: cableExample({
        header: 'Reference ID | Created | Released | Classification | Origin\n09ASTANA308 | 2009-02-20 09:29 | 2005-01-01 00:00 | CONFIDENTIAL | Embassy Astana',
      }),
      note: 'Released in 2005, created in 2009.',
    },
    clean: {
      text: cableExample({
        header: 'Reference ID | Created | Released | Classification | Origin\n09ASTANA308 | 2009-02-20 09:29 | 2011-08-30 01:44 | CONFIDENTIAL | Embassy Astana',
      }),
      note: 'Released in 2011.',
    },
  },
  check({ cable }) {
    const md = cable.metadata;
    if (!md?.released || !md.releasedIso || !md.createdIso || md.releasedIso >= md.createdIso) return [];
    return [
      {
        range: { start: md.released.value.start, end: md.released.value.end },
        message: `The metadata Released ${md.released.value.text} is before Created ${md.created?.value.text ?? md.createdIso}.`,
        ...(md.created ? { related: [{ span: md.created.value, message: `Created ${md.created.value.text}` }] } : {}),
      },
    ];
  },
};
