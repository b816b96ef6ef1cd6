// The unit picker: turns every select[data-unit-picker] (single or multiple) into a search box with chips. The select
// stays in the form, hidden, and is what is posted: without this script it is an ordinary select, and with it every
// choice is made on the select itself (then a "change" event, so htmx filters and data-autosubmit react as before).
//
// The units are the select's own options, so the picker offers exactly what the form accepts: data-path (the ids from
// the root) names a unit's parents, data-aliases its aliases and former names. Typing matches the name, the aliases,
// pinyin initials (hbj → 环保局) and the characters in order (环保 → 市环境保护局). data-unit-picker-groups names the
// id of a second select of unit groups (the task form's lead and supporting groups): a group is offered and shown as
// one chip standing for its members (its options' data-members: unit ids).
(function () {
  'use strict';

  var script = document.getElementById('unit-picker-script');
  var words = script ? script.dataset : {};
  var LIMIT = 80; // rows shown at once: a province's 5,000 units are found by typing, not by scrolling
  var LETTERS = 'abcdefghjklmnopqrstwxyz';
  // The first character of each initial in the pinyin collation (no words start with i, u or v).
  var BOUNDS = '阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀';
  var collator = null;
  try {
    collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  } catch (e) {
    collator = null; // no pinyin collation in this browser: initials are simply not matched
  }
  var counter = 0;

  function say(key, arg) {
    var s = words[key] || '';
    return arg === undefined ? s : s.replace('{0}', arg);
  }

  var initialsOfChars = {}; // a unit tree repeats few characters (市、县、局…): each is looked up once

  function initialOf(ch) {
    if (!/[\u4e00-\u9fff]/.test(ch)) {
      return /[a-z0-9]/i.test(ch) ? ch.toLowerCase() : '';
    }
    if (!collator) {
      return '';
    }
    if (initialsOfChars[ch] === undefined) {
      var letter = '';
      for (var i = 0; i < BOUNDS.length && collator.compare(ch, BOUNDS[i]) >= 0; i++) {
        letter = LETTERS[i];
      }
      initialsOfChars[ch] = letter;
    }
    return initialsOfChars[ch];
  }

  function initials(name) {
    var out = '';
    for (var i = 0; i < name.length; i++) {
      out += initialOf(name[i]);
    }
    return out;
  }

  // As names are compared elsewhere (UnitNames.canonical): no spaces, ASCII parentheses made full-width.
  function canonical(s) {
    return (s || '').toLowerCase().replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  }

  function inOrder(query, s) {
    var at = 0;
    for (var i = 0; i < s.length && at < query.length; i++) {
      if (s[i] === query[at]) {
        at++;
      }
    }
    return at === query.length;
  }

  // How well an entry matches: lower is better, -1 not at all. The matched alias is kept to show it.
  function score(entry, query, ascii) {
    entry.matchedAlias = null;
    if (entry.key === query) {
      return 0;
    }
    if (entry.key.indexOf(query) === 0) {
      return 1;
    }
    if (entry.key.indexOf(query) > 0) {
      return 2;
    }
    for (var i = 0; i < entry.aliasKeys.length; i++) {
      if (entry.aliasKeys[i].indexOf(query) >= 0) {
        entry.matchedAlias = entry.aliases[i];
        return 3;
      }
    }
    if (!ascii) {
      return query.length > 1 && inOrder(query, entry.key) ? 6 : -1;
    }
    if (!entry.initials) { // worked out when first asked for, not for every option of every select on the page
      entry.initials = initials(entry.name);
      entry.aliasInitials = entry.aliases.map(initials);
    }
    if (entry.initials.indexOf(query) === 0) {
      return 4;
    }
    if (entry.initials.indexOf(query) > 0) {
      return 5;
    }
    for (var j = 0; j < entry.aliases.length; j++) {
      if (entry.aliasInitials[j].indexOf(query) >= 0) {
        entry.matchedAlias = entry.aliases[j];
        return 5;
      }
    }
    return -1;
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function unitEntries(select) {
    var byId = {};
    var entries = [];
    Array.prototype.forEach.call(select.options, function (o) {
      if (o.value === '' || o.disabled) {
        return;
      }
      var name = o.textContent.trim();
      var aliases = o.dataset.aliases ? o.dataset.aliases.split('|') : [];
      var entry = {
        kind: 'unit', option: o, select: select, name: name, key: canonical(name), aliases: aliases,
        aliasKeys: aliases.map(canonical), initials: null,
        parentIds: (o.dataset.path || '').split('/').filter(Boolean).slice(0, -1)
      };
      byId[o.value] = entry;
      entries.push(entry);
    });
    entries.forEach(function (e) {
      e.parents = e.parentIds.map(function (id) {
        return byId[id] ? byId[id].name : null;
      }).filter(Boolean);
    });
    return {entries: entries, byId: byId};
  }

  function groupEntries(groupSelect, byId) {
    if (!groupSelect) {
      return [];
    }
    return Array.prototype.map.call(groupSelect.options, function (o) {
      var name = o.textContent.trim();
      var members = (o.dataset.members || '').split(',').filter(function (id) {
        return byId[id];
      }).map(function (id) {
        return byId[id].name;
      });
      return {
        kind: 'group', option: o, select: groupSelect, name: name, key: canonical(name), aliases: [], aliasKeys: [],
        initials: null, parents: [], members: members
      };
    });
  }

  // A page with a unit select on every row (the accounts list) writes the unit tree once: a select whose
  // data-unit-options-from names another holds only its chosen unit until the picker copies the other's units into it.
  function fillFrom(select) {
    var source = select.dataset.unitOptionsFrom ? document.getElementById(select.dataset.unitOptionsFrom) : null;
    if (!source || source === select) {
      return;
    }
    var chosen = select.value;
    var copies = document.createDocumentFragment();
    Array.prototype.forEach.call(source.options, function (o) {
      if (o.value !== '') {
        var copy = o.cloneNode(true);
        copy.removeAttribute('selected');
        copies.appendChild(copy);
      }
    });
    select.replaceChildren(copies);
    select.value = chosen;
    delete select.dataset.unitOptionsFrom;
  }

  function enhance(select) {
    if (select._unitPicker || select.disabled) {
      return;
    }
    fillFrom(select);
    var stale = select.nextElementSibling; // a page brought back from htmx's history holds a dead copy
    if (stale && stale.classList.contains('unit-picker')) {
      stale.remove();
    }
    var multiple = select.multiple;
    var groupSelect = select.dataset.unitPickerGroups ? document.getElementById(select.dataset.unitPickerGroups) : null;
    var units = unitEntries(select);
    var groups = groupEntries(groupSelect, units.byId);
    var all = groups.concat(units.entries);
    var emptyOption = Array.prototype.find.call(select.options, function (o) {
      return o.value === '';
    });
    // What choosing nothing means, where the form says it (全部, 方案牵头办公室), leads the hint.
    var nothing = emptyOption ? emptyOption.textContent.trim() : '';
    var placeholder = nothing && nothing !== '—' ? nothing + ' · ' + say('placeholder') : say('placeholder');
    var id = (select.id || select.name || 'unit') + '-picker-' + (++counter);
    var small = select.classList.contains('form-select-sm');

    var wrapper = element('div', 'unit-picker');
    wrapper.style.cssText = select.style.cssText;
    (groupSelect || select).classList.forEach(function (c) { // the spacing of the last field it stands for
      if (/^(m[tbsexy]?|w)-/.test(c)) {
        wrapper.classList.add(c);
      }
    });
    var box = element('div', 'unit-picker-box form-control' + (small ? ' form-control-sm' : ''));
    if (select.classList.contains('is-invalid')) {
      box.classList.add('is-invalid');
    }
    var chips = element('ul', 'unit-picker-chips');
    chips.setAttribute('aria-label', say('chosen'));
    var input = element('input', 'unit-picker-input');
    input.type = 'text';
    input.id = id;
    input.autocomplete = 'off';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id + '-list');
    input.setAttribute('aria-describedby', id + '-help');
    var list = element('ul', 'unit-picker-list' + (small ? ' small' : ''));
    list.id = id + '-list';
    list.hidden = true;
    list.setAttribute('role', 'listbox');
    if (multiple) {
      list.setAttribute('aria-multiselectable', 'true');
    }
    var help = element('div', 'visually-hidden', say('help'));
    help.id = id + '-help';
    var status = element('div', 'visually-hidden');
    status.setAttribute('role', 'status');

    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    if (label) {
      label.id = label.id || id + '-label';
      label.htmlFor = id;
      list.setAttribute('aria-labelledby', label.id);
    } else if (select.getAttribute('aria-label')) {
      input.setAttribute('aria-label', select.getAttribute('aria-label'));
      list.setAttribute('aria-label', select.getAttribute('aria-label'));
    }

    box.appendChild(chips);
    box.appendChild(input);
    wrapper.appendChild(box);
    wrapper.appendChild(list);
    wrapper.appendChild(help);
    wrapper.appendChild(status);
    select.insertAdjacentElement('afterend', wrapper);
    select.hidden = true;
    if (groupSelect) {
      groupSelect.hidden = true;
    }
    if (select.parentElement) {
      select.parentElement.querySelectorAll('.unit-picker-fallback').forEach(function (e) {
        e.hidden = true;
      });
    }

    var shown = [];
    var active = -1;

    function chosen() { // as the chips show them: the units, then the groups
      return units.entries.concat(groups).filter(function (e) {
        return e.option.selected && e.option.value !== '';
      });
    }

    function renderChips() {
      chips.textContent = '';
      chosen().forEach(function (entry) {
        var chip = element('li', 'unit-chip' + (entry.kind === 'group' ? ' unit-chip-group' : ''));
        chip.appendChild(element('span', null, entry.name));
        if (entry.kind === 'group') {
          chip.title = entry.members.join('、');
          chip.appendChild(element('span', 'unit-chip-count', say('members', entry.members.length)));
        } else if (entry.parents.length) {
          chip.title = entry.parents.concat([entry.name]).join(' › ');
        }
        if (multiple || emptyOption) {
          var remove = element('button', 'unit-chip-remove', '×');
          remove.type = 'button';
          remove.setAttribute('aria-label', say('remove', entry.name));
          remove.addEventListener('click', function () {
            unchoose(entry);
            input.focus();
          });
          chip.appendChild(remove);
        }
        chips.appendChild(chip);
      });
      input.placeholder = !multiple && chosen().length ? '' : placeholder;
    }

    function changed(target) {
      target.dispatchEvent(new Event('change', {bubbles: true}));
    }

    function unchoose(entry) {
      if (entry.select.multiple) {
        entry.option.selected = false;
      } else if (emptyOption) {
        emptyOption.selected = true;
      }
      changed(entry.select);
      renderChips();
      if (!list.hidden) {
        renderList();
      }
    }

    function choose(entry) {
      if (entry.select.multiple) {
        entry.option.selected = !entry.option.selected;
      } else {
        entry.option.selected = true;
        // one choice in all: a unit, or a group (two single selects), the other one emptied
        var other = entry.select === select ? groupSelect : select;
        var none = other && !other.multiple && Array.prototype.find.call(other.options, function (o) {
          return o.value === '';
        });
        if (none && !none.selected) {
          none.selected = true;
          changed(other);
        }
      }
      changed(entry.select);
      input.value = '';
      renderChips();
      if (multiple) {
        renderList();
      } else {
        close();
      }
    }

    function matches(query) {
      if (!query) {
        return all.slice();
      }
      var ascii = /^[a-z0-9]+$/.test(query);
      var found = [];
      all.forEach(function (entry, order) {
        var s = score(entry, query, ascii);
        if (s >= 0) {
          found.push({entry: entry, score: s, order: order, alias: entry.matchedAlias});
        }
      });
      found.sort(function (a, b) {
        return a.score - b.score || a.order - b.order;
      });
      return found.map(function (f) {
        f.entry.shownAlias = f.alias;
        return f.entry;
      });
    }

    function renderList() {
      var query = canonical(input.value);
      var found = matches(query);
      shown = found.slice(0, LIMIT);
      list.textContent = '';
      shown.forEach(function (entry, i) {
        var item = element('li', 'unit-option' + (entry.kind === 'group' ? ' unit-option-group' : ''));
        item.id = id + '-option-' + i;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', entry.option.selected ? 'true' : 'false');
        var line = element('div', 'unit-option-name');
        if (!query && entry.kind === 'unit') {
          line.style.paddingInlineStart = (entry.parents.length * 0.9) + 'rem'; // the tree, as the select shows it
        }
        line.appendChild(element('span', null, entry.name));
        if (entry.kind === 'group') {
          line.appendChild(element('span', 'badge text-bg-light border ms-1', say('group')));
          line.appendChild(element('span', 'unit-option-path ms-1', say('members', entry.members.length)));
        } else if (query && entry.shownAlias) {
          line.appendChild(element('span', 'unit-option-path ms-1', '（' + entry.shownAlias + '）'));
        }
        item.appendChild(line);
        var context = entry.kind === 'group' ? entry.members.join('、') : (query ? entry.parents.join(' › ') : '');
        if (context) {
          item.appendChild(element('div', 'unit-option-path', context));
        }
        item.addEventListener('mousedown', function (event) {
          event.preventDefault(); // the text box keeps the focus
          choose(entry);
        });
        list.appendChild(item);
      });
      if (!shown.length) {
        list.appendChild(element('li', 'unit-option-note', say('none')));
      } else if (found.length > shown.length) {
        list.appendChild(element('li', 'unit-option-note', say('more', found.length - shown.length)));
      }
      status.textContent = shown.length ? '' : say('none');
      list.hidden = false;
      place();
      setActive(shown.length ? 0 : -1);
      input.setAttribute('aria-expanded', 'true');
    }

    // The list floats over the page (fixed), so a table's scrolling box does not cut it off: below the field, or
    // above it where there is more room, at least 16rem wide and never wider than the screen.
    function place() {
      var r = box.getBoundingClientRect();
      var margin = 8;
      var width = Math.min(Math.max(r.width, 256), window.innerWidth - 2 * margin);
      var below = window.innerHeight - r.bottom - margin;
      var above = r.top - margin;
      list.style.left = Math.max(margin, Math.min(r.left, window.innerWidth - width - margin)) + 'px';
      list.style.width = width + 'px';
      if (below < 160 && above > below) {
        list.style.top = '';
        list.style.bottom = (window.innerHeight - r.top + 2) + 'px';
        list.style.maxHeight = Math.min(288, above) + 'px';
      } else {
        list.style.bottom = '';
        list.style.top = (r.bottom + 2) + 'px';
        list.style.maxHeight = Math.min(288, below) + 'px';
      }
    }

    function setActive(i) {
      var items = list.querySelectorAll('[role=option]');
      if (active >= 0 && items[active]) {
        items[active].classList.remove('active');
      }
      active = i;
      if (i >= 0 && items[i]) {
        items[i].classList.add('active');
        input.setAttribute('aria-activedescendant', items[i].id);
        items[i].scrollIntoView({block: 'nearest'});
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    window.addEventListener('scroll', function () {
      if (!list.hidden) {
        place();
      }
    }, true);
    window.addEventListener('resize', function () {
      if (!list.hidden) {
        place();
      }
    });

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    input.addEventListener('keydown', function (event) {
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp':
          event.preventDefault();
          if (list.hidden) {
            renderList();
            return;
          }
          if (shown.length) {
            var step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((active + step + shown.length) % shown.length);
          }
          break;
        case 'Enter':
          event.preventDefault(); // never submits the form from the search box
          if (!list.hidden && active >= 0) {
            choose(shown[active]);
          }
          break;
        case 'Escape':
          if (!list.hidden || input.value) {
            event.preventDefault();
            event.stopPropagation();
            input.value = '';
            close();
          }
          break;
        case 'Backspace':
          if (!input.value) {
            var last = chosen().pop();
            if (last && (multiple || emptyOption)) {
              event.preventDefault();
              unchoose(last);
            }
          }
          break;
        case 'Tab':
          close();
          break;
        default:
      }
    });
    // What is typed here is a search, not a field of the form: htmx filters must not react to it.
    input.addEventListener('input', function (event) {
      event.stopPropagation();
      renderList();
    });
    input.addEventListener('change', function (event) {
      event.stopPropagation();
    });
    input.addEventListener('click', function () {
      if (list.hidden) {
        renderList();
      }
    });
    box.addEventListener('mousedown', function (event) {
      if (event.target === box || event.target === chips) {
        event.preventDefault();
        input.focus();
        renderList();
      }
    });
    wrapper.addEventListener('focusout', function (event) {
      if (!wrapper.contains(event.relatedTarget)) {
        close();
      }
    });
    // A form reset or a script that sets the select shows in the chips.
    select.addEventListener('change', renderChips);
    if (groupSelect) {
      groupSelect.addEventListener('change', renderChips);
    }

    renderChips();
    select._unitPicker = wrapper;
  }

  function enhanceWithin(root) {
    if (root && root.querySelectorAll) {
      if (root.matches && root.matches('select[data-unit-picker]')) {
        enhance(root);
      }
      root.querySelectorAll('select[data-unit-picker]').forEach(enhance);
    }
  }

  enhanceWithin(document);
  document.addEventListener('htmx:load', function (event) {
    enhanceWithin(event.target);
  });
  document.addEventListener('htmx:historyRestore', function () {
    enhanceWithin(document);
  });
}());
