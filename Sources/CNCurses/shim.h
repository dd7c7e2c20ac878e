#ifndef VIGIA_CNCURSES_SHIM_H
#define VIGIA_CNCURSES_SHIM_H
// The wide-character API (get_wch, cchar_t, setcchar, mvadd_wchnstr) is only
// declared when _XOPEN_SOURCE_EXTENDED is defined before curses.h is included.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 rejects ncurses' mutable globals as not concurrency-safe; these
// accessors read them from C instead.
static inline WINDOW *vigia_stdscr(void) { return stdscr; }
static inline int vigia_lines(void) { return LINES; }
static inline int vigia_cols(void) { return COLS; }
static inline int vigia_colors(void) { return COLORS; }
static inline int vigia_color_pairs(void) { return COLOR_PAIRS; }
#endif
