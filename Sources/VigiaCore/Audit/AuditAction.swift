/// Every action an audit record can name: the one vocabulary the engine
/// writes and auditors search. The raw value is what the chain stores and
/// hashes (a dotted verb), so records written before this enum read the same.
public enum AuditAction: String, CaseIterable, Sendable, Codable {
    // Alerts
    case alertAcknowledge = "alert.acknowledge", alertDispatch = "alert.dispatch", alertHold = "alert.hold", alertResume = "alert.resume"
    case alertClose = "alert.close", alertSnooze = "alert.snooze", alertForward = "alert.forward"
    case alertCloseOverride = "alert.close.override", alertCloseBulk = "alert.close.bulk"
    case alertStep = "alert.step", alertNote = "alert.note", alertUndo = "alert.undo", alertEscalate = "alert.escalate"
    case shiftHandover = "shift.handover"
    // Face search
    case hitNew = "hit.new", hitConfirm = "hit.confirm", hitReject = "hit.reject", hitDispatch = "hit.dispatch"
    case watchlistAdd = "watchlist.add", watchlistImport = "watchlist.import", watchlistRevoke = "watchlist.revoke"
    case watchlistExpire = "watchlist.expire", watchlistReinstate = "watchlist.reinstate"
    case authorisationCreate = "authorisation.create", authorisationConfirm = "authorisation.confirm"
    case authorisationLapsed = "authorisation.lapsed", authorisationPolicy = "authorisation.policy"
    case facesThreshold = "faces.threshold", facesReportCard = "faces.report_card", facesPreconditions = "faces.preconditions"
    case benchWatchlist = "bench.watchlist"
    // Social
    case flagCredible = "flag.credible", flagNotCredible = "flag.not_credible"
    case socialConfig = "social.config", socialConfigRefused = "social.config.refused"
    // Sign-in and operators
    case login, loginFailed = "login.failed", loginLocked = "login.locked", loginRefused = "login.refused"
    case operatorAdd = "operator.add", operatorUnlock = "operator.unlock"
    case operatorDeactivate = "operator.deactivate", operatorReactivate = "operator.reactivate"
    // Feeds and configuration
    case ingestIncidents = "ingest.incidents", ingestBoundaries = "ingest.boundaries", ingestCameras = "ingest.cameras"
    case ingestEvents = "ingest.events", ingestPosts = "ingest.posts"
    case camerasImport = "cameras.import", rulesLoad = "rules.load"
    case forecastPoliceWeight = "forecast.police_weight", patrolIssue = "patrol.issue"
    // Retention, reports and the audit itself
    case retentionPolicy = "retention.policy", retentionApply = "retention.apply", retentionDryRun = "retention.dry_run"
    case retentionScheduled = "retention.scheduled"
    case summaryExport = "summary.export", transparencyExport = "transparency.export"
    case auditVerify = "audit.verify", auditExport = "audit.export", auditCheckpoint = "audit.checkpoint", auditRepair = "audit.repair"
    case demoCreate = "demo.create"
}
