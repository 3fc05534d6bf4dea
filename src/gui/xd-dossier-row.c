/* xd-dossier-row.c — one unit in the Dossiers list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-dossier-row"

#include "config.h"

#include <pango/pangocairo.h>

#include "xd-dossier-row.h"

/* As the rows of an AdwActionRow-like list: the box they replace had
 * these, and libadwaita's .caption and .dim-label give the second line. */
#define MARGIN_Y        4
#define LINE_SPACING    2
#define STATE_SPACING   10
#define DETAILS_SIZE_PT 9
#define DETAILS_ALPHA   0.55f

struct _XdDossierRow
{
  GtkWidget parent_instance;

  GtkWidget *state;             /* the pill, a GtkLabel styled by CSS */
  char *name;
  char *details;

  /* Made the first time the row is drawn, for the width it was given */
  PangoLayout *name_layout;
  PangoLayout *details_layout;
  /* The height of one line of each, in pixels; 0 until measured, for the
   * font the style gave */
  int name_height;
  int details_height;
  PangoFontDescription *font;
  double resolution;
  /* Where the text goes, from the last allocation: its x and width */
  int text_x;
  int text_width;
};

G_DEFINE_FINAL_TYPE (XdDossierRow, xd_dossier_row, GTK_TYPE_WIDGET)

static PangoFontDescription *
details_font (XdDossierRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_size (font, DETAILS_SIZE_PT * PANGO_SCALE);
  return font;
}

static PangoLayout *
make_layout (XdDossierRow *self,
             const char   *text,
             gboolean      details)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (details)
    {
      PangoFontDescription *font = details_font (self);

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

/* A line's height does not depend on what it says: Pango's logical
 * extents come from the font.  Measured once per style. */
static void
ensure_line_heights (XdDossierRow *self)
{
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) details = NULL;

  if (self->name_height > 0)
    return;
  name = make_layout (self, "Ấp", FALSE);
  details = make_layout (self, "Ấp", TRUE);
  pango_layout_get_pixel_size (name, NULL, &self->name_height);
  pango_layout_get_pixel_size (details, NULL, &self->details_height);
}

static void
drop_layouts (XdDossierRow *self)
{
  g_clear_object (&self->name_layout);
  g_clear_object (&self->details_layout);
}

static void
update_accessible_label (XdDossierRow *self)
{
  g_autofree char *label = NULL;

  if (self->details != NULL && self->details[0] != '\0')
    label = g_strdup_printf ("%s, %s", self->name != NULL ? self->name : "", self->details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : (self->name != NULL ? self->name : ""),
                                  -1);
}

static void
xd_dossier_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  XdDossierRow *self = XD_DOSSIER_ROW (widget);
  int state_min, state_nat;

  gtk_widget_measure (self->state, orientation, -1, &state_min, &state_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The text is ellipsized: it asks for no width of its own, so the
       * list keeps the width its pane gives it whatever the names. */
      *minimum = state_min + STATE_SPACING;
      *natural = state_nat + STATE_SPACING;
    }
  else
    {
      int text;

      ensure_line_heights (self);
      text = self->name_height + LINE_SPACING + self->details_height;
      *minimum = MAX (text, state_min) + 2 * MARGIN_Y;
      *natural = MAX (text, state_nat) + 2 * MARGIN_Y;
    }
}

static void
xd_dossier_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  XdDossierRow *self = XD_DOSSIER_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int state_width, state_height;
  int text;

  gtk_widget_measure (self->state, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &state_width, NULL, NULL);
  gtk_widget_measure (self->state, GTK_ORIENTATION_VERTICAL, state_width, NULL, &state_height,
                      NULL, NULL);
  state_width = MIN (state_width, width);
  state_height = MIN (state_height, height);
  gtk_widget_size_allocate (self->state,
                            &(GtkAllocation) {
                              rtl ? 0 : width - state_width,
                              (height - state_height) / 2,
                              state_width,
                              state_height
                            }, -1);

  /* The pill's whole box, padding included, as measured and allocated
   * (gtk_widget_get_width () would give its content only). */
  self->text_width = MAX (0, width - state_width - STATE_SPACING);
  self->text_x = rtl ? width - self->text_width : 0;
  text = self->text_width * PANGO_SCALE;
  if (self->name_layout != NULL)
    pango_layout_set_width (self->name_layout, text);
  if (self->details_layout != NULL)
    pango_layout_set_width (self->details_layout, text);
}

static void
xd_dossier_row_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  XdDossierRow *self = XD_DOSSIER_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int height = gtk_widget_get_height (widget);
  int text = self->text_width;
  int y;
  GdkRGBA color;

  ensure_line_heights (self);
  if (self->name_layout == NULL)
    {
      self->name_layout = make_layout (self, self->name != NULL ? self->name : "", FALSE);
      pango_layout_set_width (self->name_layout, text * PANGO_SCALE);
    }
  if (self->details_layout == NULL)
    {
      self->details_layout = make_layout (self, self->details != NULL ? self->details : "", TRUE);
      pango_layout_set_width (self->details_layout, text * PANGO_SCALE);
    }
  if (rtl)
    {
      pango_layout_set_alignment (self->name_layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_alignment (self->details_layout, PANGO_ALIGN_RIGHT);
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  y = (height - (self->name_height + LINE_SPACING + self->details_height)) / 2;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->text_x, y));
  gtk_snapshot_append_layout (snapshot, self->name_layout, &color);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (0, self->name_height + LINE_SPACING));
  color.alpha *= DETAILS_ALPHA;
  gtk_snapshot_append_layout (snapshot, self->details_layout, &color);
  gtk_snapshot_restore (snapshot);

  gtk_widget_snapshot_child (widget, self->state, snapshot);
}

static void
xd_dossier_row_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  XdDossierRow *self = XD_DOSSIER_ROW (widget);

  PangoContext *context;
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (xd_dossier_row_parent_class)->css_changed (widget, change);
  /* Hovering or selecting the row restyles it too, and changes nothing
   * the text depends on; another font is measured and laid out again. */
  context = gtk_widget_get_pango_context (widget);
  font = pango_context_get_font_description (context);
  if (self->font != NULL && font != NULL && pango_font_description_equal (self->font, font) &&
      self->resolution == pango_cairo_context_get_resolution (context))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = font != NULL ? pango_font_description_copy (font) : NULL;
  self->resolution = pango_cairo_context_get_resolution (context);
  self->name_height = 0;
  self->details_height = 0;
  drop_layouts (self);
  gtk_widget_queue_resize (widget);
}

static void
xd_dossier_row_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  drop_layouts (XD_DOSSIER_ROW (widget));
  gtk_widget_queue_allocate (widget);
}

static void
xd_dossier_row_dispose (GObject *object)
{
  XdDossierRow *self = XD_DOSSIER_ROW (object);

  g_clear_pointer (&self->state, gtk_widget_unparent);
  drop_layouts (self);
  G_OBJECT_CLASS (xd_dossier_row_parent_class)->dispose (object);
}

static void
xd_dossier_row_finalize (GObject *object)
{
  XdDossierRow *self = XD_DOSSIER_ROW (object);

  g_free (self->name);
  g_free (self->details);
  g_clear_pointer (&self->font, pango_font_description_free);
  G_OBJECT_CLASS (xd_dossier_row_parent_class)->finalize (object);
}

static void
xd_dossier_row_class_init (XdDossierRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xd_dossier_row_dispose;
  object_class->finalize = xd_dossier_row_finalize;
  widget_class->measure = xd_dossier_row_measure;
  widget_class->size_allocate = xd_dossier_row_size_allocate;
  widget_class->snapshot = xd_dossier_row_snapshot;
  widget_class->css_changed = xd_dossier_row_css_changed;
  widget_class->direction_changed = xd_dossier_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "dossier-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
xd_dossier_row_init (XdDossierRow *self)
{
  self->state = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->state, "dossier-state");
  gtk_widget_set_parent (self->state, GTK_WIDGET (self));
}

GtkWidget *
xd_dossier_row_new (void)
{
  return g_object_new (XD_TYPE_DOSSIER_ROW, NULL);
}

/* A search changes the text of every row, shown or not: only what is drawn
 * is laid out again, and the row keeps its size. */
static void
set_line (XdDossierRow  *self,
          char         **slot,
          PangoLayout   *layout,
          const char    *text)
{
  if (g_strcmp0 (*slot, text) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (text);
  if (layout != NULL)
    pango_layout_set_text (layout, text != NULL ? text : "", -1);
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
xd_dossier_row_set_name (XdDossierRow *self,
                         const char   *name)
{
  g_return_if_fail (XD_IS_DOSSIER_ROW (self));

  set_line (self, &self->name, self->name_layout, name);
}

const char *
xd_dossier_row_get_name (XdDossierRow *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ROW (self), NULL);

  return self->name;
}

void
xd_dossier_row_set_details (XdDossierRow *self,
                            const char   *details)
{
  g_return_if_fail (XD_IS_DOSSIER_ROW (self));

  set_line (self, &self->details, self->details_layout, details);
}

const char *
xd_dossier_row_get_details (XdDossierRow *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ROW (self), NULL);

  return self->details;
}

void
xd_dossier_row_set_state (XdDossierRow *self,
                          const char   *label,
                          const char   *css_class)
{
  g_return_if_fail (XD_IS_DOSSIER_ROW (self));
  g_return_if_fail (css_class != NULL);

  gtk_label_set_text (GTK_LABEL (self->state), label);
  /* Restyling costs: only when the state is another. */
  if (gtk_widget_has_css_class (self->state, css_class))
    return;
  gtk_widget_set_css_classes (self->state, (const char *[]) { "dossier-state", css_class, NULL });
}

GtkLabel *
xd_dossier_row_get_state_label (XdDossierRow *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ROW (self), NULL);

  return GTK_LABEL (self->state);
}
