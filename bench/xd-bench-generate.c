/* xd-bench-generate.c — a national-scale meeting for build-aux/bench
 *
 *   xd-bench-generate FILE N
 *
 * Creates FILE (replacing it) with one meeting of N dossiers of communes,
 * wards and townships with Vietnamese names, a set of 40 criteria each
 * assessed with a note, a council of 31 members all present, and for each
 * dossier a closed open-vote question with every member's vote.  Everything
 * goes through the XdStore API, so the rows and the audit log are exactly
 * what the app writes; one transaction per batch of dossiers keeps it to
 * one durable commit per batch.  Prints the meeting id and the time taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-bench-generate"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "xd-store.h"

#define N_CRITERIA 40
#define N_MEMBERS 31
#define BATCH 100

static const char *const syllables[] = {
  "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Đông", "Tây", "Nam", "Bắc",
  "Long", "Hưng", "Thịnh", "Phước", "Lộc", "Quang", "Trung", "Hải", "Sơn", "Thủy",
  "Mỹ", "Yên", "Vĩnh", "Khánh", "Đức", "Hiệp", "Nghĩa", "Xuân", "Thu", "Đồng",
  "Cẩm", "Lạc", "Hà", "Kim", "Ngọc", "Thượng", "Hạ", "Hồng", "Gai", "Bãi",
  "Cháy", "Quảng", "Lợi", "Thành", "Cường", "Tiến", "Phong", "Định", "Tường", "Hội",
  "Lâm", "Điền", "Thái", "Hiếu", "Trà", "Cổ", "Đạo", "Ninh", "Khê", "Vạn",
};

static const char *const family[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
  "Hồ", "Ngô", "Dương", "Lý",
};
static const char *const middle[] = { "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc" };
static const char *const given[] = {
  "Diện", "Bình", "Cúc", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phương",
  "Quân", "Sơn", "Thảo", "Tuấn", "Vinh", "Yến", "Khoa", "Linh", "Hiền", "Trung",
};

typedef struct {
  gint64 meeting_id;
  gint64 criteria[N_CRITERIA];
  gint64 members[N_MEMBERS];
  GRand *rand;
  int next;          /* the next dossier's number, 0-based */
  int end;           /* one past this batch's last */
} Gen;

static const char *
pick (GRand              *rand,
      const char *const  *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

#define PICK(rand, list) pick ((rand), (list), G_N_ELEMENTS (list))

/* "Phường Bãi Cháy", "Xã Tân Phú Đông", "Thị trấn Vĩnh Lộc", "Phường 12". */
static char *
unit_name (GRand      *rand,
           XdUnitType *type)
{
  int r = g_rand_int_range (rand, 0, 100);
  const char *prefix;

  if (r < 60)
    *type = XD_UNIT_COMMUNE, prefix = "Xã";
  else if (r < 92)
    *type = XD_UNIT_WARD, prefix = "Phường";
  else
    *type = XD_UNIT_TOWNSHIP, prefix = "Thị trấn";

  if (*type == XD_UNIT_WARD && g_rand_int_range (rand, 0, 8) == 0)
    return g_strdup_printf ("%s %d", prefix, g_rand_int_range (rand, 1, 20));
  if (g_rand_int_range (rand, 0, 4) == 0)
    return g_strdup_printf ("%s %s %s %s", prefix, PICK (rand, syllables),
                            PICK (rand, syllables), PICK (rand, syllables));
  return g_strdup_printf ("%s %s %s", prefix, PICK (rand, syllables), PICK (rand, syllables));
}

static gboolean
add_dossiers (XdStore  *store,
              gpointer  data,
              GError  **error)
{
  Gen *gen = data;

  for (; gen->next < gen->end; gen->next++)
    {
      g_autoptr(XdDossier) d = xd_dossier_new ();
      gint64 dossier_id, question_id;
      int n = gen->next + 1;

      d->meeting_id = gen->meeting_id;
      g_free (d->unit_name);
      d->unit_name = unit_name (gen->rand, &d->unit_type);
      g_free (d->reference);
      d->reference = g_strdup_printf ("%d/TTr-UBND", n);
      g_free (d->received_on);
      d->received_on = g_strdup_printf ("2025-%02d-%02d", 1 + n % 3, 1 + n % 28);
      g_free (d->summary);
      d->summary = g_strdup_printf ("Tờ trình số %d/TTr-UBND đề nghị công nhận %s đạt chuẩn "
                                    "an toàn về an ninh, trật tự năm 2025; hồ sơ gồm tờ trình, "
                                    "báo cáo kết quả, biên bản họp và bảng tự chấm điểm.",
                                    n, d->unit_name);
      g_free (d->conclusion);
      d->conclusion = g_strdup ("Hồ sơ đầy đủ, đúng quy định; đơn vị đạt các tiêu chí theo "
                                "Thông tư 124/2021/TT-BCA.");
      g_free (d->verified_by);
      d->verified_by = g_strdup_printf ("Tổ thẩm định số %d", 1 + n % 12);
      d->state = XD_DOSSIER_MEETS;
      d->position = gen->next;
      dossier_id = xd_store_add_dossier (store, d, error);
      if (dossier_id == 0)
        return FALSE;

      for (int c = 0; c < N_CRITERIA; c++)
        {
          g_autoptr(XdAssessment) a = xd_assessment_new ();

          a->dossier_id = dossier_id;
          a->criterion_id = gen->criteria[c];
          a->result = XD_ASSESSMENT_MET;
          g_free (a->note);
          a->note = g_strdup_printf ("Đạt: có báo cáo, số liệu khớp với biên bản kiểm tra "
                                     "ngày %d/%d/2025.", 1 + (n + c) % 28, 1 + c % 12);
          if (!xd_store_set_assessment (store, a, error))
            return FALSE;
        }

      question_id = xd_store_ensure_dossier_question (store, dossier_id, error);
      if (question_id == 0 || !xd_store_open_question (store, question_id, FALSE, error))
        return FALSE;
      for (int m = 0; m < N_MEMBERS; m++)
        {
          /* Mostly yes, a few no or abstain: every outcome text is used. */
          int r = g_rand_int_range (gen->rand, 0, 20);
          XdChoice choice = r == 0 ? XD_CHOICE_NO : r == 1 ? XD_CHOICE_ABSTAIN : XD_CHOICE_YES;

          if (!xd_store_set_vote (store, question_id, gen->members[m], choice, error))
            return FALSE;
        }
      if (!xd_store_close_question (store, question_id, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_up_meeting (XdStore  *store,
                gpointer  data,
                GError  **error)
{
  Gen *gen = data;
  g_autoptr(XdCriteriaSet) set = xd_criteria_set_new ();
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  gint64 set_id;

  g_free (set->name);
  set->name = g_strdup ("Tiêu chí an toàn về an ninh, trật tự (40 tiêu chí)");
  g_free (set->source);
  set->source = g_strdup ("Thông tư 124/2021/TT-BCA, Điều 5");
  set_id = xd_store_add_criteria_set (store, set, error);
  if (set_id == 0)
    return FALSE;
  for (int c = 0; c < N_CRITERIA; c++)
    {
      g_autoptr(XdCriterion) cr = xd_criterion_new ();

      cr->set_id = set_id;
      cr->position = c;
      g_free (cr->code);
      cr->code = g_strdup_printf ("%d", c + 1);
      g_free (cr->text);
      cr->text = g_strdup_printf ("Tiêu chí %d: tổ chức thực hiện đầy đủ các nhiệm vụ bảo đảm "
                                  "an ninh, trật tự trên địa bàn theo kế hoạch năm.", c + 1);
      gen->criteria[c] = xd_store_add_criterion (store, cr, error);
      if (gen->criteria[c] == 0)
        return FALSE;
    }

  g_free (m->title);
  m->title = g_strdup ("Hội nghị xét duyệt, công nhận xã, phường, thị trấn đạt chuẩn "
                       "“An toàn về an ninh, trật tự” năm 2025");
  g_free (m->place);
  m->place = g_strdup ("Hội trường Bộ Công an, Hà Nội");
  g_free (m->starts_at);
  m->starts_at = g_strdup ("2025-12-15T08:00");
  m->criteria_set_id = set_id;
  gen->meeting_id = xd_store_add_meeting (store, m, error);
  if (gen->meeting_id == 0)
    return FALSE;

  for (int i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(XdMember) member = xd_member_new ();

      member->meeting_id = gen->meeting_id;
      g_free (member->full_name);
      member->full_name = g_strdup_printf ("%s %s %s", PICK (gen->rand, family),
                                           PICK (gen->rand, middle), PICK (gen->rand, given));
      g_free (member->title);
      member->title = g_strdup (i == 0 ? "Thứ trưởng" : i == 1 ? "Chánh Văn phòng"
                                : "Chuyên viên chính");
      g_free (member->organisation);
      member->organisation = g_strdup ("Bộ Công an");
      member->role = i == 0 ? XD_ROLE_CHAIR : i == 1 ? XD_ROLE_SECRETARY : XD_ROLE_MEMBER;
      member->voting = TRUE;
      member->attendance = XD_ATTENDANCE_PRESENT;
      member->position = i;
      gen->members[i] = xd_store_add_member (store, member, error);
      if (gen->members[i] == 0)
        return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  Gen gen = { 0 };
  gint64 start;
  int n;

  setlocale (LC_ALL, "");
  /* Figures for build-aux/bench to read: "1.5", not "1,5". */
  setlocale (LC_NUMERIC, "C");
  if (argc != 3 || (n = atoi (argv[2])) <= 0)
    {
      fprintf (stderr, "usage: %s FILE N\n", argv[0]);
      return 2;
    }

  wal = g_strconcat (argv[1], "-wal", NULL);
  shm = g_strconcat (argv[1], "-shm", NULL);
  g_remove (argv[1]);
  g_remove (wal);
  g_remove (shm);

  start = g_get_monotonic_time ();
  store = xd_store_open (argv[1], &error);
  gen.rand = g_rand_new_with_seed (20251215);
  if (store == NULL ||
      !xd_store_run_in_transaction (store, set_up_meeting, &gen, &error))
    goto fail;

  while (gen.next < n)
    {
      gen.end = MIN (gen.next + BATCH, n);
      if (!xd_store_run_in_transaction (store, add_dossiers, &gen, &error))
        goto fail;
    }

  printf ("meeting_id=%" G_GINT64_FORMAT "\nseconds=%.2f\n", gen.meeting_id,
          (g_get_monotonic_time () - start) / 1e6);
  g_rand_free (gen.rand);
  return 0;

fail:
  fprintf (stderr, "%s: %s\n", argv[0], error->message);
  g_rand_free (gen.rand);
  return 1;
}
