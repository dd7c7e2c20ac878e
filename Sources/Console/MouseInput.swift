import Engine

/// The mouse, where the terminal reports it (issue 23): a click focuses the
/// pane under it and selects the row (or moves the map's cursor to the
/// cell), a click on the selected row opens its details, a click on a tab
/// shows that pane; the wheel moves through the list under the pointer, or
/// zooms the map. The mouse never acts on an item: every action stays a key
/// that names the item and, where it is dangerous, asks first.
extension Reducer {
    static func mouse(_ m: MouseEvent, _ state: inout UIState, situation: Situation, size: TerminalSize) -> Reaction {
        // Below the smallest size nothing is drawn but the notice: there is nothing to click.
        guard size.columns >= minimumTerminalSize.columns, size.rows >= minimumTerminalSize.rows else { return .none }
        // What is open over the panes takes the wheel, and a click does nothing under it.
        if state.overlay != nil || state.tourStep != nil || state.review != nil {
            switch m.kind {
            case .wheelUp: return keyReaction(&state, key: .up, situation: situation, size: size)
            case .wheelDown: return keyReaction(&state, key: .down, situation: situation, size: size)
            case .press: return .none
            }
        }
        let layout = Layout(size: size, focus: state.focus)
        if m.kind == .press, let row = layout.tabRow, m.row == row {
            if let tab = TitleBar.tabSpans(situation, state).first(where: { $0.columns.contains(m.column) }) { state.focus = tab.pane }
            return .none
        }
        guard let (pane, rect) = layout.panes.first(where: { contains($0.value, m) }) else { return .none }
        switch (pane, m.kind) {
        case (.map, .wheelUp): state.focus = .map; state.zoom = min(64, state.zoom * 2)
        case (.map, .wheelDown): state.focus = .map; state.zoom = max(1, state.zoom / 2); if state.zoom == 1 { state.centre = nil }
        case (.map, .press):
            state.focus = .map
            if let g = MapGeometry(situation: situation, state: state, pane: rect), contains(g.inner, m) {
                state.cursor = g.point(row: m.row - g.inner.row, column: m.column - g.inner.column)
            }
        case (_, .wheelUp), (_, .wheelDown):
            state.focus = pane
            return keyReaction(&state, key: m.kind == .wheelUp ? .up : .down, situation: situation, size: size)
        case (_, .press):
            let wasFocused = state.focus == pane
            state.focus = pane
            guard let i = ListPanes.item(at: m.row, in: rect, pane: pane, situation, state) else { return .none }
            if wasFocused, i == state.selected(pane) {
                state.overlay = .details
            } else {
                state.selection[pane] = i
                state.selectedIDs[pane] = PaneItems.id(pane, at: i, situation, state)
            }
        }
        return .none
    }

    static func contains(_ r: Rect, _ m: MouseEvent) -> Bool {
        m.row >= r.row && m.row < r.row + r.rows && m.column >= r.column && m.column < r.column + r.columns
    }
}
