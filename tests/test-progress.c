/* test-progress.c — a meeting's progress, next year's meeting, chair and
 * secretary, the order of criteria
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-store.h"
#include "xd-test-util.h"

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "council.xetduyet", NULL);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
}

static gint64
preset_id (XdStore *store)
{
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (store, NULL);

  g_assert_nonnull (sets);
  g_assert_cmpuint (sets->len, >, 0);
  g_assert_true (((XdCriteriaSet *) g_ptr_array_index (sets, 0))->read_only);
  return ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
}

static gint64
add_meeting (XdStore    *store,
             const char *title,
             gint64      set_id)
{
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (m->title);
  m->title = g_strdup (title);
  m->criteria_set_id = set_id;
  id = xd_store_add_meeting (store, m, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_member (XdStore    *store,
            gint64      meeting_id,
            const char *name,
            XdRole      role)
{
  g_autoptr(XdMember) m = xd_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  m->meeting_id = meeting_id;
  g_free (m->full_name);
  m->full_name = g_strdup (name);
  m->role = role;
  m->voting = TRUE;
  id = xd_store_add_member (store, m, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_dossier (XdStore    *store,
             gint64      meeting_id,
             const char *unit)
{
  g_autoptr(XdDossier) d = xd_dossier_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  d->meeting_id = meeting_id;
  g_free (d->unit_name);
  d->unit_name = g_strdup (unit);
  id = xd_store_add_dossier (store, d, &error);
  g_assert_no_error (error);
  return id;
}

static void
assess (XdStore            *store,
        gint64              dossier_id,
        gint64              criterion_id,
        XdAssessmentResult  result)
{
  g_autoptr(XdAssessment) a = xd_assessment_new ();
  g_autoptr(GError) error = NULL;

  a->dossier_id = dossier_id;
  a->criterion_id = criterion_id;
  a->result = result;
  g_assert_true (xd_store_set_assessment (store, a, &error));
  g_assert_no_error (error);
}

static XdMeetingProgress
get_progress (XdStore *store,
              gint64   meeting_id)
{
  XdMeetingProgress p;
  g_autoptr(GError) error = NULL;

  g_assert_true (xd_store_get_progress (store, meeting_id, &p, &error));
  g_assert_no_error (error);
  return p;
}

static void
test_progress_sample (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autofree char *line = NULL;
  gint64 id = xd_store_load_sample (f->store, &error);
  XdMeetingProgress p;

  g_assert_no_error (error);
  p = get_progress (f->store, id);
  g_assert_cmpint (p.dossiers_total, ==, 5);
  g_assert_cmpint (p.dossiers_checked, ==, 5);
  g_assert_cmpint (p.questions_total, ==, 5);
  g_assert_cmpint (p.questions_closed, ==, 5);
  /* The secretary takes the minutes without a vote: 9 voting members,
   * one excused. */
  g_assert_cmpint (p.members_total, ==, 9);
  g_assert_cmpint (p.members_present, ==, 8);

  meeting = xd_store_get_meeting (f->store, id, &error);
  g_assert_no_error (error);
  /* What the Overview shows as "quorum now". */
  g_assert_true (xd_rules_quorum_met (&meeting->rule, p.members_present, p.members_total));
  line = xd_rules_describe_quorum (&meeting->rule, p.members_present, p.members_total);
  g_assert_cmpstr (line, ==, "8 of 9 members present — enough to proceed (at least 2/3)");
}

static void
test_progress_missing_meeting (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XdMeetingProgress p;

  g_assert_false (xd_store_get_progress (f->store, 4242, &p, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND);
}

static void
test_progress_fresh_and_checked (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(XdDossier) dossier = NULL;
  g_autoptr(XdQuestion) question = xd_question_new ();
  gint64 set_id = preset_id (f->store);
  gint64 id = add_meeting (f->store, "Hội nghị năm 2023", set_id);
  gint64 dossier_id, other_id;
  XdMeetingProgress p;

  p = get_progress (f->store, id);
  g_assert_cmpint (p.dossiers_total, ==, 0);
  g_assert_cmpint (p.dossiers_checked, ==, 0);
  g_assert_cmpint (p.questions_total, ==, 0);
  g_assert_cmpint (p.questions_closed, ==, 0);
  g_assert_cmpint (p.members_total, ==, 0);
  g_assert_cmpint (p.members_present, ==, 0);

  dossier_id = add_dossier (f->store, id, "Phường Hồng Gai");
  p = get_progress (f->store, id);
  g_assert_cmpint (p.dossiers_total, ==, 1);
  g_assert_cmpint (p.dossiers_checked, ==, 0);
  /* A dossier not yet put to the vote is a vote still to take. */
  g_assert_cmpint (p.questions_total, ==, 1);
  g_assert_cmpint (p.questions_closed, ==, 0);

  criteria = xd_store_list_criteria (f->store, set_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (criteria->len, ==, 4);

  /* Three of four assessed, the last one explicitly "not assessed". */
  for (guint i = 0; i < 3; i++)
    assess (f->store, dossier_id, ((XdCriterion *) g_ptr_array_index (criteria, i))->id,
            i == 1 ? XD_ASSESSMENT_NOT_MET : XD_ASSESSMENT_MET);
  assess (f->store, dossier_id, ((XdCriterion *) g_ptr_array_index (criteria, 3))->id,
          XD_ASSESSMENT_NOT_ASSESSED);
  p = get_progress (f->store, id);
  g_assert_cmpint (p.dossiers_checked, ==, 0);

  /* All four: met or not met both count as checked. */
  assess (f->store, dossier_id, ((XdCriterion *) g_ptr_array_index (criteria, 3))->id,
          XD_ASSESSMENT_MET);
  p = get_progress (f->store, id);
  g_assert_cmpint (p.dossiers_total, ==, 1);
  g_assert_cmpint (p.dossiers_checked, ==, 1);

  /* A second dossier whose state says it was checked, with no assessments. */
  other_id = add_dossier (f->store, id, "Xã Quảng La");
  p = get_progress (f->store, id);
  g_assert_cmpint (p.dossiers_total, ==, 2);
  g_assert_cmpint (p.dossiers_checked, ==, 1);
  dossier = xd_store_get_dossier (f->store, other_id, &error);
  g_assert_no_error (error);
  dossier->state = XD_DOSSIER_FAILS;
  g_assert_true (xd_store_update_dossier (f->store, dossier, &error));
  g_assert_no_error (error);
  p = get_progress (f->store, id);
  g_assert_cmpint (p.dossiers_checked, ==, 2);
  g_assert_cmpint (p.questions_total, ==, 2);

  /* A question for the first dossier replaces its "still to vote"; a free
   * question adds one. */
  question->meeting_id = id;
  question->dossier_id = dossier_id;
  g_free (question->text);
  question->text = g_strdup ("Công nhận Phường Hồng Gai");
  g_assert_cmpint (xd_store_add_question (f->store, question, &error), >, 0);
  g_assert_no_error (error);
  p = get_progress (f->store, id);
  g_assert_cmpint (p.questions_total, ==, 2);
  question->dossier_id = 0;
  g_assert_cmpint (xd_store_add_question (f->store, question, &error), >, 0);
  g_assert_no_error (error);
  p = get_progress (f->store, id);
  g_assert_cmpint (p.questions_total, ==, 3);
  g_assert_cmpint (p.questions_closed, ==, 0);

  /* Without a criteria set only the dossier's state counts. */
  {
    g_autoptr(XdMeeting) m = xd_store_get_meeting (f->store, id, &error);

    g_assert_no_error (error);
    m->criteria_set_id = 0;
    g_assert_true (xd_store_update_meeting (f->store, m, &error));
    g_assert_no_error (error);
  }
  p = get_progress (f->store, id);
  g_assert_cmpint (p.dossiers_checked, ==, 1);
}

static void
test_progress_members (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_meeting (f->store, "Hội nghị", 0);
  gint64 ids[9];
  XdRule rule = XD_RULE_INIT_DEFAULT;
  XdMeetingProgress p;
  g_autoptr(XdMember) secretary = xd_member_new ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Nguyễn Văn %c", 'A' + i);
      ids[i] = add_member (f->store, id, name, XD_ROLE_MEMBER);
    }
  /* A non-voting secretary, present, is not counted. */
  secretary->meeting_id = id;
  g_free (secretary->full_name);
  secretary->full_name = g_strdup ("Lê Thị Thư");
  secretary->role = XD_ROLE_SECRETARY;
  secretary->voting = FALSE;
  secretary->attendance = XD_ATTENDANCE_PRESENT;
  g_assert_cmpint (xd_store_add_member (f->store, secretary, &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    g_assert_true (xd_store_set_attendance (f->store, ids[i], XD_ATTENDANCE_PRESENT, NULL, NULL));
  g_assert_true (xd_store_set_attendance (f->store, ids[8], XD_ATTENDANCE_EXCUSED, "Đi công tác", NULL));

  p = get_progress (f->store, id);
  g_assert_cmpint (p.members_total, ==, 9);
  g_assert_cmpint (p.members_present, ==, 5);
  g_assert_false (xd_rules_quorum_met (&rule, p.members_present, p.members_total));

  /* 6 of 9 is exactly 2/3: enough. */
  g_assert_true (xd_store_set_attendance (f->store, ids[5], XD_ATTENDANCE_PRESENT, NULL, NULL));
  p = get_progress (f->store, id);
  g_assert_cmpint (p.members_present, ==, 6);
  g_assert_true (xd_rules_quorum_met (&rule, p.members_present, p.members_total));
}

static void
test_title_next_year (void)
{
  const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "Hội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2021",
      "Hội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2022" },
    { "Tổng kết 2021, phương hướng 2022", "Tổng kết 2022, phương hướng 2023" },
    { "Năm 1999", "Năm 2000" },
    { "Xét duyệt theo Thông tư 124/2021/TT-BCA năm 2021",
      "Xét duyệt theo Thông tư 124/2021/TT-BCA năm 2022" },
    { "Họp ngày 09/01/2022", "Họp ngày 09/01/2022 (bản sao)" },
    { "Hội nghị xét duyệt", "Hội nghị xét duyệt (bản sao)" },
    { "Mã 12021 và 20211", "Mã 12021 và 20211 (bản sao)" },
    { "Giai đoạn 2021-2025", "Giai đoạn 2022-2026" },
    { "", " (bản sao)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = xd_meeting_title_for_next_year (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_duplicate_meeting (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) source = NULL;
  g_autoptr(XdMeeting) copy = NULL;
  g_autoptr(GPtrArray) source_members = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  g_autofree char *conclusion = NULL;
  gint64 sample_id = xd_store_load_sample (f->store, &error);
  gint64 copy_id;
  XdMeetingProgress p;

  g_assert_no_error (error);
  /* Unusual rules, to see they travel. */
  source = xd_store_get_meeting (f->store, sample_id, &error);
  g_assert_no_error (error);
  source->rule.quorum_num = 3;
  source->rule.quorum_den = 4;
  source->rule.base = XD_BASE_PRESENT;
  source->rule.threshold_kind = XD_THRESHOLD_AT_LEAST;
  source->rule.threshold_num = 70;
  source->rule.threshold_den = 100;
  source->rule.tie_rule = XD_TIE_REVOTE;
  g_assert_true (xd_store_update_meeting (f->store, source, &error));
  g_assert_no_error (error);

  copy_id = xd_store_duplicate_meeting (f->store, sample_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, 0);
  g_assert_cmpint (copy_id, !=, sample_id);

  reopen (f);
  copy = xd_store_get_meeting (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->title, ==, "Hội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2022");
  g_assert_cmpstr (copy->kind, ==, source->kind);
  g_assert_cmpstr (copy->legal_basis, ==, source->legal_basis);
  g_assert_cmpstr (copy->issuing_body, ==, source->issuing_body);
  g_assert_cmpstr (copy->parent_body, ==, source->parent_body);
  g_assert_cmpstr (copy->place, ==, source->place);
  g_assert_cmpstr (copy->number_suffix, ==, "BB-BCĐ");
  g_assert_cmpint (copy->number, ==, 0);
  g_assert_null (copy->starts_at);
  g_assert_null (copy->ends_at);
  g_assert_cmpint (copy->criteria_set_id, ==, source->criteria_set_id);
  g_assert_cmpint (copy->state, ==, XD_MEETING_DRAFT);
  g_assert_cmpmem (&copy->rule, sizeof copy->rule, &source->rule, sizeof source->rule);

  source_members = xd_store_list_members (f->store, sample_id, &error);
  g_assert_no_error (error);
  members = xd_store_list_members (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 10);
  g_assert_cmpuint (members->len, ==, source_members->len);
  for (guint i = 0; i < members->len; i++)
    {
      XdMember *a = g_ptr_array_index (source_members, i);
      XdMember *b = g_ptr_array_index (members, i);

      g_assert_cmpint (b->meeting_id, ==, copy_id);
      g_assert_cmpint (b->id, !=, a->id);
      g_assert_cmpstr (b->full_name, ==, a->full_name);
      g_assert_cmpstr (b->title, ==, a->title);
      g_assert_cmpstr (b->organisation, ==, a->organisation);
      g_assert_cmpint (b->role, ==, a->role);
      g_assert_cmpint (b->voting, ==, a->voting);
      g_assert_cmpint (b->position, ==, a->position);
      g_assert_cmpint (b->attendance, ==, XD_ATTENDANCE_UNKNOWN);
      g_assert_cmpstr (b->absence_reason, ==, "");
    }

  dossiers = xd_store_list_dossiers (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossiers->len, ==, 0);
  questions = xd_store_list_questions (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, 0);
  guests = xd_store_list_guests (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (guests->len, ==, 0);
  conclusion = xd_store_get_section (f->store, copy_id, XD_SECTION_CONCLUSION, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (conclusion, ==, "");

  p = get_progress (f->store, copy_id);
  g_assert_cmpint (p.dossiers_total, ==, 0);
  g_assert_cmpint (p.members_total, ==, 9);
  g_assert_cmpint (p.members_present, ==, 0);

  /* The original is untouched. */
  p = get_progress (f->store, sample_id);
  g_assert_cmpint (p.dossiers_total, ==, 5);
  g_assert_cmpint (p.members_present, ==, 8);

  g_assert_cmpint (xd_store_duplicate_meeting (f->store, 4242, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND);
}

static gint64
member_with_role (XdStore *store,
                  gint64   meeting_id,
                  XdRole   role,
                  int     *count)
{
  g_autoptr(GPtrArray) members = xd_store_list_members (store, meeting_id, NULL);
  gint64 id = 0;

  *count = 0;
  for (guint i = 0; i < members->len; i++)
    {
      XdMember *m = g_ptr_array_index (members, i);

      if (m->role == role)
        {
          id = m->id;
          (*count)++;
        }
    }
  return id;
}

static XdRole
role_of (XdStore *store,
         gint64   member_id)
{
  g_autoptr(XdMember) m = xd_store_get_member (store, member_id, NULL);

  g_assert_nonnull (m);
  return m->role;
}

static void
test_set_meeting_role (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_meeting (f->store, "Hội nghị", 0);
  gint64 other = add_meeting (f->store, "Hội nghị khác", 0);
  gint64 an = add_member (f->store, id, "Nguyễn Văn An", XD_ROLE_CHAIR);
  gint64 binh = add_member (f->store, id, "Trần Thị Bình", XD_ROLE_DEPUTY);
  gint64 cuong = add_member (f->store, id, "Lê Văn Cường", XD_ROLE_SECRETARY);
  gint64 dung = add_member (f->store, other, "Phạm Văn Dũng", XD_ROLE_MEMBER);
  int n;

  /* Swapping the chair is one step for the caller. */
  g_assert_true (xd_store_set_meeting_role (f->store, id, XD_ROLE_CHAIR, binh, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_cmpint (member_with_role (f->store, id, XD_ROLE_CHAIR, &n), ==, binh);
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpint (role_of (f->store, an), ==, XD_ROLE_MEMBER);
  g_assert_cmpint (role_of (f->store, cuong), ==, XD_ROLE_SECRETARY);

  /* Choosing the same chair again changes nothing. */
  g_assert_true (xd_store_set_meeting_role (f->store, id, XD_ROLE_CHAIR, binh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (role_of (f->store, binh), ==, XD_ROLE_CHAIR);

  /* A member of another meeting is refused and nothing changes. */
  g_assert_false (xd_store_set_meeting_role (f->store, id, XD_ROLE_CHAIR, dung, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (role_of (f->store, binh), ==, XD_ROLE_CHAIR);
  g_assert_cmpint (role_of (f->store, dung), ==, XD_ROLE_MEMBER);
  g_assert_false (xd_store_set_meeting_role (f->store, id, XD_ROLE_SECRETARY, 4242, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (role_of (f->store, cuong), ==, XD_ROLE_SECRETARY);

  /* The secretary becomes chair: the meeting then has no secretary. */
  g_assert_true (xd_store_set_meeting_role (f->store, id, XD_ROLE_CHAIR, cuong, &error));
  g_assert_no_error (error);
  g_assert_cmpint (member_with_role (f->store, id, XD_ROLE_CHAIR, &n), ==, cuong);
  g_assert_cmpint (n, ==, 1);
  member_with_role (f->store, id, XD_ROLE_SECRETARY, &n);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (role_of (f->store, binh), ==, XD_ROLE_MEMBER);

  /* Nobody. */
  g_assert_true (xd_store_set_meeting_role (f->store, id, XD_ROLE_SECRETARY, an, &error));
  g_assert_no_error (error);
  g_assert_true (xd_store_set_meeting_role (f->store, id, XD_ROLE_SECRETARY, 0, &error));
  g_assert_no_error (error);
  member_with_role (f->store, id, XD_ROLE_SECRETARY, &n);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (role_of (f->store, an), ==, XD_ROLE_MEMBER);
  g_assert_cmpint (role_of (f->store, cuong), ==, XD_ROLE_CHAIR);

  /* The other meeting was never touched. */
  member_with_role (f->store, other, XD_ROLE_CHAIR, &n);
  g_assert_cmpint (n, ==, 0);
}

static char *
codes_of (XdStore *store,
          gint64   set_id)
{
  g_autoptr(GPtrArray) criteria = xd_store_list_criteria (store, set_id, NULL);
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < criteria->len; i++)
    g_string_append (codes, ((XdCriterion *) g_ptr_array_index (criteria, i))->code);
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static void
test_move_criterion (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) preset = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  gint64 preset_set = preset_id (f->store);
  gint64 copy;
  char *codes;

  copy = xd_store_copy_criteria_set (f->store, preset_set, "Bộ tiêu chí riêng", &error);
  g_assert_no_error (error);
  criteria = xd_store_list_criteria (f->store, copy, &error);
  g_assert_no_error (error);

  /* The last one first. */
  g_assert_true (xd_store_move_criterion (f->store,
                                          ((XdCriterion *) g_ptr_array_index (criteria, 3))->id,
                                          0, &error));
  g_assert_no_error (error);
  reopen (f);
  codes = codes_of (f->store, copy);
  g_assert_cmpstr (codes, ==, "4123");
  g_free (codes);

  /* Past the end is the end. */
  g_assert_true (xd_store_move_criterion (f->store,
                                          ((XdCriterion *) g_ptr_array_index (criteria, 0))->id,
                                          99, &error));
  g_assert_no_error (error);
  codes = codes_of (f->store, copy);
  g_assert_cmpstr (codes, ==, "4231");
  g_free (codes);

  /* The preset keeps its order. */
  preset = xd_store_list_criteria (f->store, preset_set, &error);
  g_assert_no_error (error);
  g_assert_false (xd_store_move_criterion (f->store,
                                           ((XdCriterion *) g_ptr_array_index (preset, 3))->id,
                                           0, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  codes = codes_of (f->store, preset_set);
  g_assert_cmpstr (codes, ==, "1234");
  g_free (codes);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/progress/sample", test_progress_sample);
  ADD ("/core/progress/missing-meeting", test_progress_missing_meeting);
  ADD ("/core/progress/fresh-and-checked", test_progress_fresh_and_checked);
  ADD ("/core/progress/members", test_progress_members);
  g_test_add_func ("/core/meeting/title-next-year", test_title_next_year);
  ADD ("/core/meeting/duplicate", test_duplicate_meeting);
  ADD ("/core/meeting/set-role", test_set_meeting_role);
  ADD ("/core/criteria/move", test_move_criterion);

#undef ADD

  return g_test_run ();
}
