'use strict';
// The detainee form in the admin (templates/admin/prisoners/detainee/change_form.html):
// - one language switcher for every translated field: modeltranslation marks each field's
//   widget with "mt-field-<name>-<language>", and the rows of the other languages are hidden;
// - under each translated field's label, which languages are filled in ("en ✓ fr ✓ hy –"),
//   in text, kept up to date while typing;
// - the sections that do not apply to the category ("applies-<CATEGORY>" classes, set by
//   DetaineeAdmin.get_fieldsets) hidden, live when the category changes. Their fields stay in
//   the form, so what they hold is sent and kept.
// Without this script every language and section shows, as the server renders them.
(function () {
    const FIELD = /^mt-field-(.+)-([a-z]{2,3})$/;
    let current = '';

    function switcher() { return document.getElementById('translation-switcher'); }

    // The translated inputs of the form: {input, row, language, group}.
    function translatedInputs(root) {
        const found = [];
        root.querySelectorAll('.mt').forEach(function (input) {
            if (!input.name || input.name.includes('__prefix__')) { return; }
            const match = Array.from(input.classList).map((c) => FIELD.exec(c)).find(Boolean);
            const row = input.closest('.form-row');
            if (!match || !row) { return; }
            const language = match[2];
            const group = input.name.slice(0, -(language.length + 1));
            found.push({ input: input, row: row, language: language, group: group });
        });
        return found;
    }

    function isFilled(input) {
        if (input.type === 'checkbox') { return input.checked; }
        return input.value.trim() !== '';
    }

    function updateIndicators(inputs) {
        const box = switcher();
        const groups = {};
        inputs.forEach(function (item) { (groups[item.group] = groups[item.group] || []).push(item); });
        Object.values(groups).forEach(function (items) {
            const shown = items.map((i) => `${i.language} ${isFilled(i.input) ? '✓' : '–'}`).join(' ');
            const spoken = items.map((i) => `${i.language}: ${isFilled(i.input) ? box.dataset.filled : box.dataset.empty}`).join(', ');
            items.forEach(function (item) {
                let mark = item.row.querySelector('.mt-filled');
                if (!mark) {
                    mark = document.createElement('span');
                    mark.className = 'mt-filled';
                    const label = item.row.querySelector('label');
                    (label || item.row).appendChild(mark);
                }
                mark.replaceChildren();
                const visible = document.createElement('span');
                visible.setAttribute('aria-hidden', 'true');
                visible.textContent = shown;
                const spokenText = document.createElement('span');
                spokenText.className = 'visually-hidden';
                spokenText.textContent = spoken;
                mark.append(visible, spokenText);
            });
        });
    }

    function showLanguage(language) {
        current = language;
        translatedInputs(document).forEach(function (item) {
            item.row.classList.toggle('mt-other-language', language !== '' && item.language !== language);
        });
        switcher().querySelectorAll('button[data-language]').forEach(function (button) {
            button.setAttribute('aria-pressed', String(button.dataset.language === language));
        });
    }

    function showSections(category) {
        document.querySelectorAll('fieldset[class*="applies-"]').forEach(function (fieldset) {
            const applies = Array.from(fieldset.classList)
                .filter((c) => c.startsWith('applies-')).map((c) => c.slice('applies-'.length));
            // A section with an error stays, so the error can be seen and fixed.
            const hasError = fieldset.querySelector('.errors') !== null;
            fieldset.classList.toggle('hidden', !applies.includes(category) && !hasError);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        const box = switcher();
        if (!box) { return; }
        const inputs = translatedInputs(document);
        // A language with an error somewhere says so on its button.
        const withErrors = new Set(inputs.filter((i) => i.row.classList.contains('errors')).map((i) => i.language));
        box.querySelectorAll('button[data-language]').forEach(function (button) {
            if (withErrors.has(button.dataset.language)) { button.append(' ⚠'); }
            button.addEventListener('click', function () {
                showLanguage(button.dataset.language);
                sessionStorage.setItem('detainee-form-language', button.dataset.language);
            });
        });
        box.hidden = false;
        // The language chosen last in this tab (a volunteer translating into French keeps
        // French after "Save and continue editing"), else the admin's.
        const known = Array.from(box.querySelectorAll('button[data-language]'), (b) => b.dataset.language);
        const saved = sessionStorage.getItem('detainee-form-language');
        const start = known.includes(saved) ? saved : box.dataset.current;
        const othersWrong = Array.from(withErrors).some((language) => language !== start);
        showLanguage(othersWrong ? '' : start);
        updateIndicators(inputs);
        const form = box.closest('form');
        form.addEventListener('input', function (event) {
            if (event.target.classList && event.target.classList.contains('mt')) {
                updateIndicators(translatedInputs(document));
            }
        });
        // A timeline event added with "Add another": its fields follow the switcher too.
        document.addEventListener('formset:added', function () {
            showLanguage(current);
            updateIndicators(translatedInputs(document));
        });

        const category = document.getElementById('id_category');
        if (category) {
            showSections(category.value);
            category.addEventListener('change', function () { showSections(category.value); });
        }
    });
})();
