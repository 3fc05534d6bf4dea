/* xd-print-operation.c — printing the minutes
 *
 * The page renderer draws an A4 sheet with its own margins (those of
 * Nghị định 30), 1 unit = 1 pt from the sheet's top left corner; so the
 * operation draws on the full page and only scales to the printer's
 * resolution.  The pages are the PDF export's: the layout is made without
 * the printer's font metrics on purpose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-print-operation"

#include "config.h"

#include "xd-print-operation.h"
#include "xd-settings.h"

#define PT_PER_MM (72.0 / 25.4)

struct _XdPrintOperation
{
  GtkPrintOperation parent_instance;

  XdPageLayout *layout;
  GtkPageSetup *page_setup;    /* what the dialog's Page Setup tab chose */
};

G_DEFINE_FINAL_TYPE (XdPrintOperation, xd_print_operation, GTK_TYPE_PRINT_OPERATION)

/* What the user chose last: the next print dialog opens with the same
 * printer, copies and paper, in this session and the next (GSettings). */
static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;

static void
load_remembered (void)
{
  static gboolean loaded;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) print = NULL;
  g_autoptr(GVariant) setup = NULL;

  if (loaded)
    return;
  loaded = TRUE;

  settings = xd_settings_new ();
  if (settings == NULL)
    return;
  print = g_settings_get_value (settings, "print-settings");
  setup = g_settings_get_value (settings, "page-setup");
  if (g_variant_n_children (print) > 0)
    session_settings = gtk_print_settings_new_from_gvariant (print);
  if (g_variant_n_children (setup) > 0)
    session_page_setup = gtk_page_setup_new_from_gvariant (setup);
}

static void
save_remembered (void)
{
  g_autoptr(GSettings) settings = xd_settings_new ();

  if (settings == NULL)
    return;
  if (session_settings != NULL)
    g_settings_set_value (settings, "print-settings",
                          gtk_print_settings_to_gvariant (session_settings));
  if (session_page_setup != NULL)
    g_settings_set_value (settings, "page-setup",
                          gtk_page_setup_to_gvariant (session_page_setup));
}

static void
xd_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  XdPrintOperation *self = XD_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, xd_page_layout_get_n_pages (self->layout));
  g_set_object (&self->page_setup, gtk_print_context_get_page_setup (context));
}

static void
xd_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  XdPrintOperation *self = XD_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale_x = gtk_print_context_get_width (context) / (XD_MINUTES_PAGE_WIDTH * PT_PER_MM);
  double scale_y = gtk_print_context_get_height (context) / (XD_MINUTES_PAGE_HEIGHT * PT_PER_MM);

  /* On paper other than A4 the page keeps its proportions. */
  cairo_save (cr);
  cairo_scale (cr, MIN (scale_x, scale_y), MIN (scale_x, scale_y));
  xd_page_layout_render_page (self->layout, cr, page_nr);
  cairo_restore (cr);
}

static void
xd_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  XdPrintOperation *self = XD_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&session_settings, gtk_print_operation_get_print_settings (operation));
      if (self->page_setup != NULL)
        g_set_object (&session_page_setup, self->page_setup);
      save_remembered ();
    }
}

static void
xd_print_operation_finalize (GObject *object)
{
  XdPrintOperation *self = XD_PRINT_OPERATION (object);

  g_clear_pointer (&self->layout, xd_page_layout_free);
  g_clear_object (&self->page_setup);

  G_OBJECT_CLASS (xd_print_operation_parent_class)->finalize (object);
}

static void
xd_print_operation_class_init (XdPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = xd_print_operation_finalize;
  operation_class->begin_print = xd_print_operation_begin_print;
  operation_class->draw_page = xd_print_operation_draw_page;
  operation_class->done = xd_print_operation_done;
}

static void
xd_print_operation_init (XdPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);

  load_remembered ();
  if (session_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, session_page_setup);
  else
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);
}

XdPrintOperation *
xd_print_operation_new (XdPageLayout *layout,
                        const char   *title)
{
  XdPrintOperation *self;

  g_return_val_if_fail (layout != NULL, NULL);

  self = g_object_new (XD_TYPE_PRINT_OPERATION, NULL);
  self->layout = layout;
  if (title != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  return self;
}
