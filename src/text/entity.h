/*
 * entity: HTML character references left in plain text.
 *
 * Text that went through a web page or a scraper's JSON often still holds
 * "&amp;", "&quot;" or "&#124;" (Multi-News has about a thousand in its
 * validation articles: "smith &amp; wesson", "&#124; main &#124;"). The
 * HTML reader decodes them, but text and JSON Lines input arrive as they
 * are. The article text is kept byte for byte (every offset points into
 * it); a reference is read as the character it stands for only where a
 * span is printed or counted (text/whitespace.h), so the printed summary
 * says "Smith & Wesson" while its offsets still cover the source's bytes.
 *
 * Only complete references are read: "&" + a known name + ";", or "&#"
 * digits ";" / "&#x" hex digits ";" naming a Unicode scalar value. One
 * that stands for white space or a control character ("&nbsp;", "&#10;")
 * stays as written: it would move where words part, and the word budget
 * counts words on the source's bytes. So does anything else ("AT&T",
 * "&QL;", a reference cut short).
 */
#ifndef PRECIS_ENTITY_H
#define PRECIS_ENTITY_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of the character reference at s[i] (s[i] == '&'), before end,
 * with the code point it stands for in *cp; 0 if there is none or it is
 * one that stays as written. */
size_t entity_len(const char *s, size_t i, size_t end, uint32_t *cp);

/* 1 if code point cp is white space as text/whitespace.h counts it
 * (ASCII spaces, U+00A0, U+2000..U+200A, U+202F, U+3000). */
int entity_is_space(uint32_t cp);

/* Write cp as UTF-8 to out (room for 4 bytes); returns the bytes written. */
size_t entity_encode(uint32_t cp, char *out);

#endif
