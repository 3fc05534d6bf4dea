/* xd-about-window.c — the About window, every word of it in the UI language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-about-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-about-window.h"

struct _XdAboutWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkLabel *version_label;
  AdwActionRow *website_row;
  AdwActionRow *translators_row;
};

G_DEFINE_FINAL_TYPE (XdAboutWindow, xd_about_window, ADW_TYPE_WINDOW)

#define WEBSITE "https://github.com/xetduyet/xetduyet"

static void
on_website_row_activated_cb (AdwActionRow  *row,
                             XdAboutWindow *self)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (WEBSITE);

  gtk_uri_launcher_launch (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
#else
  gtk_show_uri (GTK_WINDOW (self), WEBSITE, GDK_CURRENT_TIME);
#endif
}

static void
xd_about_window_class_init (XdAboutWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-about-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XdAboutWindow, version_label);
  gtk_widget_class_bind_template_child (widget_class, XdAboutWindow, website_row);
  gtk_widget_class_bind_template_child (widget_class, XdAboutWindow, translators_row);
  gtk_widget_class_bind_template_callback (widget_class, on_website_row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xd_about_window_init (XdAboutWindow *self)
{
  g_autofree char *version = NULL;
  /* Translators: put your names here, one per line; they are shown in the
   * About window under "Translation". */
  const char *translators = _("translator-credits");

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: %s is the version number, "0.1.0". */
  version = g_strdup_printf (_("Version %s"), PACKAGE_VERSION);
  gtk_label_set_text (self->version_label, version);
  adw_action_row_set_subtitle (self->website_row, WEBSITE);

  /* An untranslated catalogue has no translators to thank. */
  if (g_str_equal (translators, "translator-credits"))
    gtk_widget_set_visible (GTK_WIDGET (self->translators_row), FALSE);
  else
    {
      g_autofree char *escaped = g_markup_escape_text (translators, -1);

      adw_action_row_set_subtitle (self->translators_row, escaped);
    }
}

XdAboutWindow *
xd_about_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (XD_TYPE_ABOUT_WINDOW,
                       "transient-for", parent,
                       NULL);
}
