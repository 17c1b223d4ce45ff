/// The console's stylesheet, served from `/console/static/console.css` (the Content-Security-Policy
/// allows no inline style).
enum ConsoleStylesheet {
    static let text = """
        :root {
          --ink: #1d2733; --muted: #5f6b7a; --line: #d9dee5; --wash: #f4f6f9; --paper: #ffffff;
          --brand: #0d3b66; --accent: #1769aa; --accent-ink: #ffffff; --danger: #b3261e; --ok: #1e7d32;
          --warn-wash: #fff4e0; --warn-line: #e0a030; --error-wash: #fdecea;
        }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; font-size: 15px; color: var(--ink); background: var(--wash); }
        body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
        a { color: var(--accent); }
        code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
        .topbar { display: flex; align-items: center; gap: 2rem; padding: 0 1.5rem; height: 3.25rem; background: var(--brand); color: #fff; }
        .topbar a { color: #fff; text-decoration: none; }
        .brand { font-weight: 700; font-size: 1.1rem; letter-spacing: 0.02em; }
        .brand span { font-weight: 400; opacity: 0.75; }
        .topbar nav { display: flex; gap: 0.25rem; flex: 1; }
        .topbar nav a { padding: 0.45rem 0.8rem; border-radius: 6px; opacity: 0.85; }
        .topbar nav a:hover { background: rgba(255, 255, 255, 0.12); opacity: 1; }
        .topbar nav a[aria-current="page"] { background: rgba(255, 255, 255, 0.18); opacity: 1; font-weight: 600; }
        .logout { margin: 0; }
        button.quiet { background: transparent; color: #fff; border: 1px solid rgba(255, 255, 255, 0.4); }
        main { flex: 1; width: 100%; max-width: 1480px; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
        footer { padding: 0.75rem 1.5rem; color: var(--muted); font-size: 0.85rem; text-align: center; }
        .breadcrumb { margin: 0.25rem 0 0.75rem; color: var(--muted); font-size: 0.9rem; }
        h1 { font-size: 1.5rem; margin: 0.25rem 0 1rem; }
        h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
        .heading { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
        .heading h1 { margin-bottom: 0.75rem; }
        button, .button { display: inline-block; font: inherit; padding: 0.45rem 0.95rem; border-radius: 6px; border: 1px solid var(--line); background: var(--paper); color: var(--ink); cursor: pointer; text-decoration: none; }
        button:hover, .button:hover { border-color: var(--accent); }
        .primary, button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); font-weight: 600; }
        button.danger { background: var(--danger); border-color: var(--danger); color: #fff; font-weight: 600; }
        a.danger { color: var(--danger); }
        .filter { display: flex; align-items: center; gap: 0.5rem; margin-bottom: 0.5rem; }
        .filter input { width: 22rem; }
        input[type="text"], input[type="url"], input[type="search"], select, textarea { font: inherit; color: inherit; padding: 0.45rem 0.6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--paper); }
        textarea { resize: vertical; }
        .summary { color: var(--muted); margin: 0.5rem 0; font-size: 0.9rem; }
        .table-wrap { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; }
        table.grid { width: 100%; border-collapse: collapse; }
        .grid th, .grid td { padding: 0.55rem 0.75rem; text-align: left; border-bottom: 1px solid var(--line); vertical-align: top; }
        .grid thead th { background: #eef1f5; font-size: 0.85rem; font-weight: 600; color: #3b4756; white-space: nowrap; }
        .grid thead th a { color: inherit; text-decoration: none; }
        .grid thead th a:hover { text-decoration: underline; }
        .grid tbody tr:last-child td, .grid tbody tr:last-child th { border-bottom: none; }
        .grid tbody tr:hover { background: #f8fafc; }
        .grid td.name a { font-weight: 600; text-decoration: none; }
        .grid td { white-space: nowrap; }
        .grid td.name, .grid td.description, .grid td.empty { white-space: normal; }
        .grid td.description { color: #3b4756; min-width: 14rem; }
        .grid .number { text-align: right; }
        .grid td.actions { white-space: nowrap; }
        .grid td.actions a { margin-left: 0.5rem; }
        .grid td.empty { text-align: center; color: var(--muted); padding: 2rem; }
        code.key { background: var(--wash); padding: 0.1rem 0.35rem; border-radius: 4px; font-size: 0.85em; }
        time { white-space: nowrap; }
        .arrow { font-size: 0.75em; }
        .muted { color: var(--muted); }
        .badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.8rem; background: #e6e9ee; color: #3b4756; }
        .badge.on { background: #dcefdc; color: var(--ok); }
        .badge.default { background: #e3eefa; color: var(--accent); font-weight: 600; }
        .chip { display: inline-block; padding: 0.05rem 0.45rem; border: 1px solid var(--line); border-radius: 4px; margin: 0 0.25rem 0.25rem 0; }
        .pager { display: flex; gap: 1rem; justify-content: flex-end; align-items: center; margin-top: 0.75rem; color: var(--muted); }
        .notice { background: #e7f4e8; border: 1px solid #a8d5ab; color: #174d1b; padding: 0.6rem 0.9rem; border-radius: 6px; }
        .alert { background: var(--error-wash); border: 1px solid #f0b4ae; padding: 0.6rem 0.9rem; border-radius: 6px; margin-bottom: 1rem; }
        .alert p { margin: 0.25rem 0; }
        .warning { background: var(--warn-wash); border: 1px solid var(--warn-line); padding: 0.6rem 0.9rem; border-radius: 6px; }
        .form { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem 1.5rem; max-width: 44rem; }
        .form.wide { max-width: 60rem; }
        .field { margin: 0 0 1rem; padding: 0; border: none; }
        .field > label, .field .label, .field legend { display: block; font-weight: 600; margin-bottom: 0.3rem; }
        .field input[type="text"], .field input[type="url"], .field select, .field textarea { width: 100%; }
        .field.invalid input, .field.invalid select, .field.invalid textarea { border-color: var(--danger); }
        .field.switch { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
        .field.switch label { display: inline; margin: 0; }
        .field.switch .error { flex-basis: 100%; }
        .error { color: var(--danger); margin: 0.3rem 0 0; font-size: 0.9rem; }
        .hint { color: var(--muted); font-size: 0.85rem; margin: 0.3rem 0 0; }
        .static { margin: 0; }
        .buttons { display: flex; gap: 1rem; align-items: center; margin-top: 0.5rem; }
        .panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem 1.5rem; margin: 1.25rem 0; max-width: 44rem; }
        .panel form { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.6rem 1.25rem; margin: 0 0 1rem; }
        .facts dt { font-weight: 600; color: #3b4756; }
        .facts dd { margin: 0; display: flex; align-items: center; gap: 0.6rem; flex-wrap: wrap; }
        .credentials code { font-size: 1.05rem; background: var(--wash); padding: 0.2rem 0.5rem; border-radius: 4px; word-break: break-all; }
        button.copy { padding: 0.2rem 0.6rem; font-size: 0.85rem; }
        table.permissions { margin-top: 0.25rem; border: 1px solid var(--line); }
        .permissions th[scope="row"] { font-weight: 500; }
        .permissions th[scope="row"] code { color: var(--muted); font-size: 0.8rem; margin-left: 0.35rem; }
        .permissions .check { text-align: center; width: 5.5rem; text-transform: capitalize; }
        .permissions input { width: 1.1rem; height: 1.1rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        """
}
