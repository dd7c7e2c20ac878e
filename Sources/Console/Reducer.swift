import Foundation
import Engine
import VigiaCore

/// Keys → state changes and engine commands. Pure: the same state, key,
/// situation and size always give the same result; nothing here draws.
public enum Reducer {
    public static func reduce(_ state: inout UIState, key: Key, situation: Situation, size: TerminalSize) -> Reaction {
        let before = state
        var reaction = keyReaction(&state, key: key, situation: situation, size: size)
        if state.focus != before.focus { NewSinceLooked.left(before.focus, &state, at: situation.header.now) }
        if state != before { reaction.effects.insert(.redraw) }
        return reaction
    }

    static func keyReaction(_ state: inout UIState, key: Key, situation: Situation, size: TerminalSize) -> Reaction {
        if case .prompt(var prompt) = state.overlay { return edit(&prompt, &state, key: key) }
        if case .mouse(let m) = key { return mouse(m, &state, situation: situation, size: size) }
        if case .handover(let notes) = state.overlay { return handover(notes, &state, key: key, size: size, zone: situation.header.timeZone) }
        if state.tourStep != nil {
            switch key {
            case .enter, .right, .char(" "):
                state.tourStep! += 1
                if state.tourStep! >= state.tour.count { state.tourStep = nil } else { Tour.apply(state.tourStep!, to: &state) }
                return .none
            case .escape: state.tourStep = nil; return .none
            default: break
            }
        }
        guard let binding = KeyRegistry.binding(for: key, in: state.focus) else { return .none }
        if !binding.allowed(for: situation.header.role) {
            state.message = "\(Strings.text("msg.refused", state.language)): \(binding.description(state.language)) — \(situation.header.role.rawValue)"
            return .none
        }
        state.message = nil
        if state.review != nil || binding.action == .shiftView || binding.action == .auditView {
            if case .handled(let command) = reviewKey(&state, binding.action) { return command }
            if !Self.inReview.contains(binding.action) { return .none }
        }
        let layout = Layout(size: size, focus: state.focus)
        if state.overlay == .help, [.up, .down, .pageUp, .pageDown].contains(binding.action) {
            let page = max(1, Overlays.helpRoom(size) - 2)
            let step = [Action.up: -1, .down: 1, .pageUp: -page, .pageDown: page][binding.action] ?? 0
            state.helpScroll = min(max(0, state.helpScroll + step), Overlays.helpMaxScroll(situation, state, size))
            return .none
        }
        switch binding.action {
        case .quit:
            let unhandled = situation.unhandledAlerts + situation.pendingHits + situation.pendingFlags
            if unhandled > 0 { state.overlay = .prompt(Prompt(purpose: .quit)); return .none }
            return .quit
        case .help: state.overlay = state.overlay == .help ? nil : .help; state.helpScroll = 0
        case .back:
            if state.overlay != nil { state.overlay = nil } else if state.banner != nil { state.banner = nil } else if !state.filter.isEmpty { state.filter = "" }
        case .nextPane, .previousPane:
            let all = Pane.allCases
            let i = all.firstIndex(of: state.focus)!
            state.focus = all[(i + (binding.action == .nextPane ? 1 : all.count - 1)) % all.count]
        case .showMap: state.focus = .map
        case .showAlerts:
            state.focus = .alerts
            // Looking at the alerts answers the announcement: the new P1 is selected.
            if let b = state.banner {
                state.banner = nil
                if let row = PaneItems.alerts(situation, state).firstIndex(where: { $0.id == b.alertID }) {
                    state.selection[.alerts] = row
                    state.selectedIDs[.alerts] = b.alertID
                }
            }
        case .showHits: state.focus = .hits
        case .showFlags: state.focus = .flags
        case .showCameras: state.focus = .cameras
        case .jumpCamera: jumpToCamera(&state, situation)
        case .up, .down, .left, .right, .pageUp, .pageDown:
            move(&state, binding.action, situation: situation, layout: layout)
        case .details:
            if state.focus != .map { state.overlay = state.overlay == .details ? nil : .details }
        case .zoomIn: state.zoom = min(64, state.zoom * 2)
        case .zoomOut: state.zoom = max(1, state.zoom / 2); if state.zoom == 1 { state.centre = nil }
        case .zoomReset: state.zoom = 1; state.centre = nil
        case .centre:
            if let p = selectedPosition(state, situation) { state.centre = p; state.cursor = p; state.zoom = max(state.zoom, 4) }
            else if state.focus != .map { state.message = Strings.text("msg.noplace", state.language) }
        case .horizon:
            let i = UIState.horizons.firstIndex(of: state.horizonHours) ?? 0
            state.horizonHours = UIState.horizons[(i + 1) % UIState.horizons.count]
            return .reloadForecast
        case .model:
            let i = UIState.models.firstIndex(of: state.model) ?? 0
            state.model = UIState.models[(i + 1) % UIState.models.count]
            return .reloadForecast
        case .filter:
            guard state.review != nil || state.focus != .map else { state.message = Strings.text("msg.filterpane", state.language); return .none }
            state.overlay = .prompt(Prompt(purpose: .filter))
        case .command: state.overlay = .prompt(Prompt(purpose: .command))
        case .pause: state.paused.toggle()
        case .seekBack, .seekForward:
            // Only a replay of a stored shift can move: a live feed (the demo's included) has already stored what it read.
            guard state.canSeek else { state.message = Strings.text("msg.noseek", state.language); return .none }
            return Reaction(binding.action == .seekBack ? .seekBack : .seekForward)
        case .shiftView, .auditView: break
        case .acknowledge, .dispatch, .close, .hold, .snooze, .forward, .confirm, .reject, .tickStep, .note, .bulkClose:
            return itemAction(&state, binding.action, situation: situation)
        case .undo:
            // The alert acted on last, wherever the selection is now (a closed alert has left the list).
            guard let id = state.lastActedAlert else { state.message = Strings.text("msg.nothingtoundo", state.language); return .none }
            return .run(.undoAlert(id))
        }
        return .none
    }

    /// New alerts reached the screen: the newest priority-1 one, if any, is
    /// announced; a banner older than 30 s goes.
    public static func arrivals(_ state: inout UIState, fresh: [Situation.AlertItem], now: Date) {
        if let b = state.banner, now.timeIntervalSince(b.shownAt) >= Banner.seconds { state.banner = nil }
        if let p1 = fresh.filter({ $0.priority == 1 }).max(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
            state.banner = Banner(alertID: p1.id, title: p1.title, shownAt: now)
        }
    }

    /// What still works while a review view covers the panes.
    static let inReview: Set<Action> = [.quit, .help, .filter, .command, .pause, .seekBack, .seekForward]

    /// How far `[` and `]` move a replay.
    public static let seekSeconds: TimeInterval = 600

    /// Keys of a review view: its own key toggles it, the other switches, arrows scroll, Esc clears the filter then closes.
    enum ReviewKeyResult { case ignored, handled(Reaction) }

    static func reviewKey(_ state: inout UIState, _ action: Action) -> ReviewKeyResult {
        switch action {
        case .shiftView, .auditView:
            let kind: SituationSource.ReviewKind = action == .shiftView ? .shift : .audit
            state.review = state.review == kind ? nil : kind
            state.reviewScroll = 0
            state.overlay = nil
            return .handled(.rebuild)
        case .up: state.reviewScroll = max(0, state.reviewScroll - 1)
        case .down: state.reviewScroll += 1
        case .pageUp: state.reviewScroll = max(0, state.reviewScroll - 20)
        case .pageDown: state.reviewScroll += 20
        case .back:
            if state.overlay != nil { state.overlay = nil } else if !state.filter.isEmpty { state.filter = "" } else { state.review = nil; return .handled(.rebuild) }
        default: return .ignored
        }
        return .handled(.none)
    }

    static func itemAction(_ state: inout UIState, _ action: Action, situation: Situation) -> Reaction {
        switch state.focus {
        case .alerts:
            let items = PaneItems.alerts(situation, state)
            if action == .bulkClose {
                // It asks first, naming how many (and saying so when no filter narrows the list), then for one reason.
                guard !items.isEmpty else { return .none }
                state.overlay = .prompt(Prompt(purpose: .bulkDisposition(ids: items.map(\.id), unfiltered: state.filter.isEmpty)))
                return .none
            }
            guard items.indices.contains(state.selected(.alerts)) else { return .none }
            let a = items[state.selected(.alerts)]
            switch action {
            case .acknowledge: return .run(.alert(a.id, .acknowledge))
            case .dispatch: state.overlay = .prompt(Prompt(purpose: .dispatchAlert(id: a.id, title: a.title)))
            case .hold: return .run(.alert(a.id, a.state == .onHold ? .resume : .hold))
            case .close: state.overlay = .prompt(Prompt(purpose: .disposition(id: a.id)))
            case .snooze: state.overlay = .prompt(Prompt(purpose: .snoozeMinutes(id: a.id), text: "10"))
            case .forward: state.overlay = .prompt(Prompt(purpose: .forwardTo(id: a.id)))
            case .note: state.overlay = .prompt(Prompt(purpose: .note(id: a.id)))
            case .tickStep:
                guard let n = a.nextStep else { state.message = Strings.text("steps.none", state.language); return .none }
                return .run(.alert(a.id, .tickStep(n)))
            default: break
            }
        case .hits:
            let items = PaneItems.hits(situation, state)
            guard items.indices.contains(state.selected(.hits)) else { return .none }
            let h = items[state.selected(.hits)]
            switch action {
            case .confirm: state.overlay = .prompt(Prompt(purpose: .hitReason(id: h.id, confirm: true)))
            case .reject: state.overlay = .prompt(Prompt(purpose: .hitReason(id: h.id, confirm: false)))
            // Asks first; the engine refuses before two confirmations, and the console says why.
            case .dispatch: state.overlay = .prompt(Prompt(purpose: .dispatchHit(id: h.id)))
            default: break
            }
        case .flags:
            let items = PaneItems.flags(situation, state)
            guard items.indices.contains(state.selected(.flags)) else { return .none }
            let f = items[state.selected(.flags)]
            if action == .confirm { state.overlay = .prompt(Prompt(purpose: .flagReason(id: f.id, credible: true))) }
            if action == .reject { state.overlay = .prompt(Prompt(purpose: .flagReason(id: f.id, credible: false))) }
        case .map, .cameras: break
        }
        return .none
    }

    /// `v` on an alert: the camera pane, with the alert's camera selected
    /// (a camera filter that would hide it is cleared).
    static func jumpToCamera(_ state: inout UIState, _ s: Situation) {
        let items = PaneItems.alerts(s, state)
        guard items.indices.contains(state.selected(.alerts)), let id = items[state.selected(.alerts)].camera,
              s.cameras.contains(where: { $0.id == id }) else {
            state.message = Strings.text("msg.nocamera", state.language)
            return
        }
        state.focus = .cameras
        if !PaneItems.cameras(s, state).contains(where: { $0.id == id }) { state.filters[.cameras] = nil }
        state.selection[.cameras] = PaneItems.cameras(s, state).firstIndex { $0.id == id } ?? 0
        state.selectedIDs[.cameras] = CameraPane.key(id)
    }

    /// Typing into a prompt; Enter submits, Esc cancels.
    /// The numbers a close asks for (the prompt's and plain mode's choices).
    static let dispositionChoices: [Character: Disposition] = ["1": .attended, "2": .falseAlarm, "3": .duplicate, "4": .noActionNeeded]

    static func edit(_ prompt: inout Prompt, _ state: inout UIState, key: Key) -> Reaction {
        let options = dispositionChoices
        if case .disposition(let id) = prompt.purpose {
            if case .char(let c) = key, let d = options[c] { state.overlay = nil; return .run(.alert(id, .close(d, note: nil))) }
            if key == .escape { state.overlay = nil }
            return .none
        }
        if case .bulkDisposition(let ids, _) = prompt.purpose {
            if case .char(let c) = key, let d = options[c] { state.overlay = .prompt(Prompt(purpose: .bulkReason(ids: ids, disposition: d))) }
            if key == .escape { state.overlay = nil }
            return .none
        }
        switch prompt.purpose {
        case .dispatchAlert(let id, _), .dispatchHit(let id):
            if case .char(let c) = key, "sSyY".contains(c) {
                state.overlay = nil
                if case .dispatchHit = prompt.purpose { return .run(.dispatchHit(id)) }
                return .run(.alert(id, .dispatch))
            }
            if key == .escape || key == .char("n") || key == .char("N") { state.overlay = nil }
            return .none
        default: break
        }
        if prompt.purpose == .quit {
            if case .char(let c) = key, "sSyY".contains(c) { state.overlay = nil; return .quit }
            if key == .escape || key == .char("n") || key == .char("N") { state.overlay = nil }
            return .none
        }
        switch key {
        case .escape: state.overlay = nil; return .none
        case .backspace: if !prompt.text.isEmpty { prompt.text.removeLast() }; prompt.choices = []
        case .char(let c): if prompt.text.count < 200, !c.isNewline { prompt.text.append(c) }; prompt.choices = []
        case .tab where prompt.purpose == .command:
            // Tab finishes a palette word; when several fit, the message line lists them.
            (prompt.text, prompt.choices) = Palette.complete(prompt.text, themes: state.themeNames)
        case .enter:
            state.overlay = nil
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            switch prompt.purpose {
            case .hitReason(let id, let confirm): return .run(.decideHit(id, confirm: confirm, reason: text))
            case .flagReason(let id, let credible): return .run(.reviewFlag(id, credible: credible, reason: text))
            case .snoozeMinutes(let id):
                guard let m = Int(text), Engine.snoozeMinutes.contains(m) else { state.message = "\(Strings.text("prompt.minutes", state.language)): 1–1440"; return .none }
                return .run(.alert(id, .snooze(minutes: m)))
            case .forwardTo(let id):
                guard !text.isEmpty else { return .none }
                state.overlay = .prompt(Prompt(purpose: .forwardMessage(id: id, to: text)))
                return .none
            case .note(let id):
                guard !text.isEmpty else { return .none }
                return .run(.alert(id, .note(text)))
            case .bulkReason(let ids, let d):
                guard !text.isEmpty else { state.message = Strings.text("prompt.bulkreason", state.language); return .none }
                return .run(.bulkClose(ids, d, reason: text))
            case .forwardMessage(let id, let to):
                guard !text.isEmpty else { state.message = Strings.text("prompt.needmessage", state.language); return .none }
                return .run(.alert(id, .forward(to: to, message: text)))
            case .filter:
                // An empty Enter clears the filter; Esc leaves it as it was.
                state.filter = text
                if state.review == nil { state.selection[state.focus] = 0; state.selectedIDs[state.focus] = nil }
            case .passphrase(let name): return .run(.signIn(name: name, passphrase: prompt.text))
            case .command: return command(text, &state)
            case .quit, .disposition, .bulkDisposition, .dispatchAlert, .dispatchHit: break
            }
            return .none
        default: break
        }
        state.overlay = .prompt(prompt)
        return .none
    }

    /// The handover notes shown at sign-in: arrows and pages scroll, Esc,
    /// Enter or q close them; every other key is swallowed, so a key meant
    /// for a pane cannot act behind notes the operator has not read.
    static func handover(_ notes: [HandoverNote], _ state: inout UIState, key: Key, size: TerminalSize, zone: TimeZone) -> Reaction {
        let page = max(1, Overlays.helpRoom(size) - 2)
        switch key {
        case .escape, .enter, .char("q"): state.overlay = nil
        case .up, .down, .pageUp, .pageDown:
            let step = [Key.up: -1, .down: 1, .pageUp: -page, .pageDown: page][key] ?? 0
            state.helpScroll = min(max(0, state.helpScroll + step), Overlays.handoverMaxScroll(notes, state, size, zone: zone))
        default: break
        }
        return .none
    }

    /// The `:` palette: login NAME, handover TEXT, lang es|en, theme NAME, model NAME, horizon 8|24|168, quit.
    static func command(_ text: String, _ state: inout UIState) -> Reaction {
        let words = text.split(separator: " ").map(String.init)
        switch (words.first ?? "", words.count) {
        case ("login", 2): state.overlay = .prompt(Prompt(purpose: .passphrase(name: words[1])))
        case ("lang", 2): if let l = Language(rawValue: words[1]) { state.language = l }
        case ("theme", 2): return .run(.setTheme(words[1]))
        case ("model", 2) where UIState.models.contains(words[1]): state.model = words[1]; return .reloadForecast
        case ("horizon", 2):
            if let h = Double(words[1].replacingOccurrences(of: "h", with: "")), UIState.horizons.contains(h) { state.horizonHours = h; return .reloadForecast }
            state.message = "horizon 8 | 24 | 168"
        case ("help", 1), ("h", 1), ("?", 1): state.overlay = .help; state.helpScroll = 0
        case ("handover", 1): state.message = Strings.text("handover.usage", state.language)
        case ("handover", _):
            // The note is the text after the word, as typed (its spaces kept).
            let note = text.drop(while: { !$0.isWhitespace }).trimmingCharacters(in: .whitespaces)
            return .run(.engine(.handover(note)))
        case ("quit", 1), ("q", 1): return .quit
        default: state.message = "\(Strings.text("msg.unknown", state.language)): \(text)"
        }
        return .none
    }

    static func move(_ state: inout UIState, _ action: Action, situation: Situation, layout: Layout) {
        if state.focus == .map {
            guard let pane = layout.panes[.map], let g = MapGeometry(situation: situation, state: state, pane: pane) else { return }
            var p = state.cursor ?? g.centre
            switch action {
            case .up: p.y += g.metresPerRow
            case .down: p.y -= g.metresPerRow
            case .left: p.x -= g.metresPerColumn
            case .right: p.x += g.metresPerColumn
            case .pageUp: p.y += g.metresPerRow * Double(g.inner.rows / 2)
            case .pageDown: p.y -= g.metresPerRow * Double(g.inner.rows / 2)
            default: break
            }
            state.cursor = p
            // Pan when the cursor leaves the view.
            if g.cell(of: p) == nil { state.centre = p }
            return
        }
        let count = PaneItems.count(state.focus, situation, state)
        let page = max(1, (layout.panes[state.focus]?.rows ?? 10) / 2 - 1)
        var i = state.selected(state.focus)
        switch action {
        case .up: i -= 1
        case .down: i += 1
        case .pageUp: i -= page
        case .pageDown: i += page
        default: break
        }
        state.selection[state.focus] = max(0, min(count - 1, i))
        state.selectedIDs[state.focus] = PaneItems.id(state.focus, at: state.selected(state.focus), situation, state)
    }

    /// After the situation (or the filter) changed: each list pane's row
    /// moves to where its selected item now is; when the item is gone the
    /// row stays (clamped) and selects what is there now.
    public static func follow(_ state: inout UIState, situation: Situation) {
        for pane in [Pane.alerts, .hits, .flags, .cameras] {
            let ids = PaneItems.ids(pane, situation, state)
            if let id = state.selectedIDs[pane], let row = ids.firstIndex(of: id) {
                state.selection[pane] = row
                continue
            }
            let row = max(0, min(ids.count - 1, state.selected(pane)))
            state.selection[pane] = row
            state.selectedIDs[pane] = ids.indices.contains(row) ? ids[row] : nil
        }
    }

    static func selectedPosition(_ state: UIState, _ s: Situation) -> PlanarPoint? {
        switch state.focus {
        case .map: return state.cursor
        case .alerts: let a = PaneItems.alerts(s, state); return a.indices.contains(state.selected(.alerts)) ? a[state.selected(.alerts)].position : nil
        case .hits: let h = PaneItems.hits(s, state); return h.indices.contains(state.selected(.hits)) ? h[state.selected(.hits)].position : nil
        case .flags: let f = PaneItems.flags(s, state); return f.indices.contains(state.selected(.flags)) ? f[state.selected(.flags)].position : nil
        case .cameras: let c = PaneItems.cameras(s, state); return c.indices.contains(state.selected(.cameras)) ? c[state.selected(.cameras)].position : nil
        }
    }
}
