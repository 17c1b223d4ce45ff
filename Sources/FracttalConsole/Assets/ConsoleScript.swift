/// The console's only script, served from `/console/static/console.js`: copy buttons on the
/// Credentials panel, and the redirect URI shown only for the authorization code grant. Every
/// page works without it.
enum ConsoleScript {
    static let text = """
        "use strict";
        document.addEventListener("DOMContentLoaded", () => {
          for (const button of document.querySelectorAll("button[data-copy]")) {
            const source = document.getElementById(button.dataset.copy);
            if (!source || !navigator.clipboard) continue;
            button.hidden = false;
            button.addEventListener("click", async () => {
              try {
                await navigator.clipboard.writeText(source.textContent.trim());
                button.textContent = "Copied";
              } catch {
                button.textContent = "Select and copy by hand";
              }
              setTimeout(() => { button.textContent = "Copy"; }, 2000);
            });
          }
          const grantType = document.getElementById("grant_type");
          const redirectField = document.getElementById("redirect-field");
          if (grantType && redirectField) {
            const input = redirectField.querySelector("input");
            const sync = () => {
              const needed = grantType.value === "authorization_code";
              redirectField.hidden = !needed && input.value === "";
              input.disabled = redirectField.hidden;
            };
            grantType.addEventListener("change", sync);
            sync();
          }
        });
        """
}
