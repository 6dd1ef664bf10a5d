'use strict';
// The admin's address field (data-slug-from="id_title_en id_title_fr id_title_hy") fills from
// whichever title staff wrote first in that order, until staff type an address themselves.
// Django's own prepopulate would join every title, and drops Armenian letters: the table is
// prisoners.search's (keep the two alike).
(function () {
    const ARMENIAN = {
        'ա': 'a', 'բ': 'b', 'գ': 'g', 'դ': 'd', 'ե': 'e', 'զ': 'z', 'է': 'e', 'ը': 'y',
        'թ': 't', 'ժ': 'zh', 'ի': 'i', 'լ': 'l', 'խ': 'kh', 'ծ': 'ts', 'կ': 'k', 'հ': 'h',
        'ձ': 'dz', 'ղ': 'gh', 'ճ': 'ch', 'մ': 'm', 'յ': 'y', 'ն': 'n', 'շ': 'sh', 'ո': 'o',
        'չ': 'ch', 'պ': 'p', 'ջ': 'j', 'ռ': 'r', 'ս': 's', 'վ': 'v', 'տ': 't', 'ր': 'r',
        'ց': 'ts', 'ւ': 'v', 'փ': 'p', 'ք': 'k', 'և': 'ev', 'օ': 'o', 'ֆ': 'f'
    };

    // As prisoners.search.armenian_to_latin: ու is u, and a word starts Ye- or Vo- (Yerevan).
    function toLatin(text) {
        const chars = Array.from(text.normalize('NFKC').toLowerCase());
        let out = '';
        for (let i = 0; i < chars.length; i++) {
            const c = chars[i];
            const afterLetter = i > 0 && /\p{L}/u.test(chars[i - 1]);
            if (c === 'ո' && chars[i + 1] === 'ւ') { out += 'u'; i++; continue; }
            if (c === 'ե' && !afterLetter) { out += 'ye'; continue; }
            if (c === 'ո' && !afterLetter) { out += 'vo'; continue; }
            out += ARMENIAN[c] ?? c;
        }
        return out;
    }

    function slugify(text, maxLength) {
        return toLatin(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
            .replace(/[^a-z0-9\s-]/g, ' ').trim().replace(/[\s-]+/g, '-')
            .slice(0, maxLength).replace(/-+$/, '');
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('input[data-slug-from]').forEach(function (slug) {
            const titles = slug.dataset.slugFrom.split(' ')
                .map((id) => document.getElementById(id)).filter(Boolean);
            let typed = slug.value !== '';
            slug.addEventListener('input', function () { typed = slug.value !== ''; });
            const fill = function () {
                if (typed) { return; }
                const title = titles.map((t) => t.value.trim()).find((v) => v) || '';
                slug.value = slugify(title, slug.maxLength > 0 ? slug.maxLength : 50);
            };
            titles.forEach((title) => title.addEventListener('input', fill));
        });
    });
})();
