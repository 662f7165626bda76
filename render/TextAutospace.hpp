// SPDX-License-Identifier: Apache-2.0
// Where CSS `text-autospace: normal` puts its 1/8 em between CJK and other
// writing (ideograph-alpha ideograph-numeric), decided per pair of adjacent
// characters the way Chromium decides it.
#pragma once

namespace newsticker::render {

// True when `before` followed directly by `after` gets the autospace gap: one
// is an ideographic letter (Han, kana, bopomofo or hangul, the prolonged
// sound mark ー and 々〆〇 included; not half-width forms) and the other a
// letter or decimal digit of another script (Latin, Greek, Cyrillic, Thai,
// Devanagari, ASCII and Arabic-Indic digits...), except full-width and
// half-width forms and right-to-left letters. Punctuation, symbols and
// spaces on either side get no gap. Pure.
bool autospaceBetween(char32_t before, char32_t after);

}  // namespace newsticker::render
