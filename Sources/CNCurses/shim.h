#ifndef VIGIA_CNCURSES_SHIM_H
#define VIGIA_CNCURSES_SHIM_H
// The wide-character API (get_wch, cchar_t, setcchar, mvadd_wchnstr) is only
// declared when _XOPEN_SOURCE_EXTENDED is defined before curses.h is included.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Swift 6 rejects ncurses' mutable globals as not concurrency-safe; these
// accessors read them from C instead.
static inline WINDOW *vigia_stdscr(void) { return stdscr; }
static inline int vigia_lines(void) { return LINES; }
static inline int vigia_cols(void) { return COLS; }
static inline int vigia_colors(void) { return COLORS; }
static inline int vigia_color_pairs(void) { return COLOR_PAIRS; }
/// newterm on the process's stdout and stdin (globals Swift 6 refuses); NULL when TERM is unknown.
static inline SCREEN *vigia_newterm(void) { return newterm(NULL, stdout, stdin); }
/// newterm on /dev/tty, for when stdin carries a feed (`--events -`).
static inline SCREEN *vigia_newterm_tty(void) {
    FILE *tty = fopen("/dev/tty", "r+");
    if (tty == NULL) return NULL;
    return newterm(NULL, tty, tty);
}
/// Whether the current terminal can move the cursor (terminfo `cup`): without it (TERM=dumb) nothing can be drawn.
static inline int vigia_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
// Attribute and key macros Swift cannot import.
static inline attr_t vigia_a_bold(void) { return A_BOLD; }
static inline attr_t vigia_a_reverse(void) { return A_REVERSE; }
static inline attr_t vigia_a_underline(void) { return A_UNDERLINE; }
static inline attr_t vigia_a_dim(void) { return A_DIM; }
static inline attr_t vigia_a_normal(void) { return A_NORMAL; }
static inline int vigia_key_f(int n) { return KEY_F(n); }
static inline int vigia_key_mouse(void) { return KEY_MOUSE; }
/// Asks for clicks and the wheel, each reported at once (no click interval); 0 when the terminal has no mouse.
static inline int vigia_mouse_on(void) {
    mouseinterval(0);
    return mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
}
/// The event KEY_MOUSE announced, its cell in row and column: 1 a press, 4 the wheel up, 5 the wheel down, 0 anything else, -1 none.
static inline int vigia_mouse_event(int *row, int *column) {
    MEVENT e;
    if (getmouse(&e) != OK) return -1;
    *row = e.y; *column = e.x;
    if (e.bstate & BUTTON1_PRESSED) return 1;
    if (e.bstate & BUTTON4_PRESSED) return 4;
    if (e.bstate & BUTTON5_PRESSED) return 5;
    return 0;
}
/// Writes one cell: a wide-character string (NUL-terminated), attributes and a colour pair.
static inline int vigia_put_cell(int row, int column, const wchar_t *glyph, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, glyph, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(row, column, &cell);
}
#endif
