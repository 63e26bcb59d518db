using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Photos;

namespace PropertyPlatform.Complaints.Infrastructure;

public sealed class ComplaintsDbContext(DbContextOptions<ComplaintsDbContext> options) : ServiceDbContext(options), IHasUnitCopies
{
    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<ComplaintPhoto> Photos => Set<ComplaintPhoto>();

    public DbSet<UnitCopy> Units => Set<UnitCopy>();

    public DbSet<Occupancy> Occupancies => Set<Occupancy>();

    public DbSet<Suggestion> Suggestions => Set<Suggestion>();

    public DbSet<FollowUpVisit> Visits => Set<FollowUpVisit>();

    public DbSet<VisitPlan> VisitPlans => Set<VisitPlan>();

    public DbSet<DueVisit> DueVisits => Set<DueVisit>();

    public DbSet<Survey> Surveys => Set<Survey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyUnitCopies();

        modelBuilder.Entity<Complaint>(complaint =>
        {
            complaint.HasKey(c => c.Id);
            complaint.Property(c => c.Number).HasMaxLength(32);
            complaint.HasIndex(c => new { c.PropertyId, c.Number }).IsUnique();
            complaint.Property(c => c.ComplainantName).HasMaxLength(Complaint.NameMaxLength);
            complaint.Property(c => c.ComplainantPhone).HasMaxLength(Complaint.PhoneMaxLength);
            complaint.Property(c => c.Channel).HasConversion<string>().HasMaxLength(32);
            complaint.Property(c => c.Category).HasConversion<string>().HasMaxLength(32);
            complaint.Property(c => c.Tier).HasConversion<string>().HasMaxLength(32);
            complaint.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
            complaint.Property(c => c.Description).HasMaxLength(Complaint.DescriptionMaxLength);
            complaint.Property(c => c.Finding).HasMaxLength(Complaint.ResponseTextMaxLength);
            complaint.Property(c => c.ActionTaken).HasMaxLength(Complaint.ResponseTextMaxLength);
            complaint.Property(c => c.ReceivedByName).HasMaxLength(Actor.NameMaxLength);
            complaint.Property(c => c.InvestigatedByName).HasMaxLength(Actor.NameMaxLength);
            complaint.Property(c => c.RespondedByName).HasMaxLength(Actor.NameMaxLength);
            // Optimistic concurrency on PostgreSQL's row version: two clerks answering one complaint cannot both win.
            complaint.Property<uint>("xmin").IsRowVersion();
            complaint.HasOne<UnitCopy>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
            complaint.HasIndex(c => new { c.PropertyId, c.ReceivedAt });
            complaint.HasMany(c => c.WorkOrderRequests).WithOne().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Cascade);
            complaint.HasMany(c => c.WorkOrders).WithOne().HasForeignKey(o => o.ComplaintId).OnDelete(DeleteBehavior.Cascade);
            complaint.Property(c => c.Location).HasMaxLength(Complaint.LocationMaxLength);
            complaint.Property(c => c.OwnerName).HasMaxLength(Actor.NameMaxLength);
            complaint.Property(c => c.ReplyFlag).HasConversion<string>().HasMaxLength(16);
            complaint.Property(c => c.EscalationLevel).HasConversion<string>().HasMaxLength(16);
            complaint.Property(c => c.Explanation).HasMaxLength(Complaint.ResponseTextMaxLength);
            complaint.Property(c => c.FeedbackComment).HasMaxLength(Complaint.ReasonMaxLength);
            complaint.Property(c => c.CloseReason).HasMaxLength(Complaint.ReasonMaxLength);
            complaint.Property(c => c.CompensationAmount).HasPrecision(12, 2);
            complaint.Property(c => c.CompensationAgreement).HasMaxLength(Complaint.ReasonMaxLength);
            complaint.Property(c => c.CompensationApprovedByName).HasMaxLength(Actor.NameMaxLength);
            // The deadline sweeper reads only the complaints whose next reminder or due time has come.
            complaint.HasIndex(c => c.NextDeadlineAt).HasFilter("next_deadline_at IS NOT NULL");
            complaint.HasIndex(c => c.OwnerId);
            complaint.HasIndex(c => c.SimilarGroupId).HasFilter("similar_group_id IS NOT NULL");
            complaint.HasIndex(c => c.ComplainantId).HasFilter("complainant_id IS NOT NULL");
            complaint.HasMany(c => c.Timeline).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
            complaint.HasMany(c => c.CoComplainants).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ComplaintTimelineEntry>(entry =>
        {
            entry.ToTable("complaint_timeline");
            entry.HasKey(e => e.Id);
            // The complaint gives each line its id; a line found on a tracked complaint is new, to be inserted.
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.HasIndex(e => new { e.ComplaintId, e.Sequence }).IsUnique();
            entry.Property(e => e.ActorName).HasMaxLength(Actor.NameMaxLength);
            entry.Property(e => e.From).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.To).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.Note).HasMaxLength(ComplaintTimelineEntry.NoteMaxLength);
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<ComplaintPhoto>(photo =>
        {
            photo.ToTable("complaint_photos");
            photo.HasKey(p => p.Id);
            // In the complaint's database, not a file store: a photo and the complaint's photo count commit together.
            photo.HasOne<Complaint>().WithMany().HasForeignKey(p => p.ComplaintId).OnDelete(DeleteBehavior.Cascade);
            photo.HasIndex(p => new { p.ComplaintId, p.Sequence }).IsUnique();
            photo.Property(p => p.ContentType).HasMaxLength(32);
            photo.Property(p => p.Sha256).HasMaxLength(64);
            photo.Property(p => p.FileName).HasMaxLength(PhotoFile.FileNameMaxLength);
            photo.Property(p => p.UploadedByName).HasMaxLength(Actor.NameMaxLength);
        });

        modelBuilder.Entity<CoComplainant>(co =>
        {
            co.ToTable("complaint_co_complainants");
            co.HasKey(c => c.Id);
            co.Property(c => c.Id).ValueGeneratedNever();
            co.HasIndex(c => new { c.ComplaintId, c.Sequence }).IsUnique();
            co.Property(c => c.Name).HasMaxLength(Complaint.NameMaxLength);
            co.Property(c => c.Phone).HasMaxLength(Complaint.PhoneMaxLength);
            co.Property(c => c.Unit).HasMaxLength(Complaint.NameMaxLength);
        });

        modelBuilder.Entity<ComplaintWorkOrderRequest>(request =>
        {
            request.ToTable("complaint_work_order_requests");
            request.HasKey(r => r.Id);
            // The complaint gives each request its id; one found on a tracked complaint is new, to be inserted.
            request.Property(r => r.Id).ValueGeneratedNever();
            request.Property(r => r.RequestedByName).HasMaxLength(Actor.NameMaxLength);
            request.Property(r => r.Category).HasConversion<string>().HasMaxLength(32);
            request.Property(r => r.Priority).HasConversion<string>().HasMaxLength(32);
            request.Property(r => r.Description).HasMaxLength(Complaint.DescriptionMaxLength);
        });

        modelBuilder.Entity<ComplaintWorkOrder>(order =>
        {
            order.ToTable("complaint_work_orders");
            order.HasKey(o => o.WorkOrderId);
            // WorkOrders gives the id; one found on a tracked complaint is new, to be inserted.
            order.Property(o => o.WorkOrderId).ValueGeneratedNever();
            order.HasIndex(o => o.ComplaintId);
            order.Property(o => o.Number).HasMaxLength(32);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.Outcome).HasMaxLength(ComplaintWorkOrder.OutcomeMaxLength);
        });

        modelBuilder.Entity<FollowUpVisit>(visit =>
        {
            visit.ToTable("follow_up_visits");
            visit.HasKey(v => v.Id);
            visit.Property(v => v.Id).ValueGeneratedNever();
            visit.HasIndex(v => new { v.PropertyId, v.VisitedAt });
            visit.Property(v => v.Area).HasMaxLength(Complaint.LocationMaxLength);
            visit.Property(v => v.Method).HasConversion<string>().HasMaxLength(16);
            visit.Property(v => v.VisitedByName).HasMaxLength(Actor.NameMaxLength);
            visit.Property(v => v.Notes).HasMaxLength(FollowUpVisit.TextMaxLength);
            // Two people handling the same item at once: one wins, the other gets 409.
            visit.Property<uint>("xmin").IsRowVersion();
            visit.HasOne<UnitCopy>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
            visit.HasMany(v => v.Items).WithOne().HasForeignKey(i => i.VisitId).OnDelete(DeleteBehavior.Cascade);
            visit.HasMany(v => v.Answers).WithOne().HasForeignKey(a => a.VisitId).OnDelete(DeleteBehavior.Cascade);
            visit.HasOne<Survey>().WithMany().HasForeignKey(v => v.SurveyId).OnDelete(DeleteBehavior.Restrict);
            visit.Property(v => v.SurveyScore).HasPrecision(3, 2);
            // A due visit is made by one visit.
            visit.HasIndex(v => v.DueVisitId).IsUnique().HasFilter("due_visit_id IS NOT NULL");
        });

        modelBuilder.Entity<VisitAnswer>(answer =>
        {
            answer.ToTable("visit_answers");
            answer.HasKey(a => a.Id);
            answer.Property(a => a.Id).ValueGeneratedNever();
            answer.HasIndex(a => new { a.VisitId, a.QuestionId }).IsUnique();
            answer.Property(a => a.Text).HasMaxLength(FollowUpVisit.TextMaxLength);
            answer.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<VisitPlan>(plan =>
        {
            plan.ToTable("visit_plans");
            plan.HasKey(p => p.Id);
            plan.Property(p => p.Id).ValueGeneratedNever();
            plan.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
            plan.Property(p => p.Name).HasMaxLength(VisitPlan.NameMaxLength);
            plan.Property(p => p.AssigneeName).HasMaxLength(Actor.NameMaxLength);
            plan.Property(p => p.CreatedByName).HasMaxLength(Actor.NameMaxLength);
            plan.Ignore(p => p.Cadence);
            // One running plan per building, one running occupants' plan per property: two made at once, one wins. An ended
            // plan makes way for a new one.
            plan.HasIndex(p => new { p.PropertyId, p.BuildingId }).IsUnique().HasFilter("building_id IS NOT NULL AND ends_on IS NULL");
            plan.HasIndex(p => p.PropertyId).IsUnique().HasFilter("kind = 'Occupants' AND ends_on IS NULL");
            plan.Property(p => p.EndedByName).HasMaxLength(Actor.NameMaxLength);
            plan.Property<uint>("xmin").IsRowVersion();
        });

        modelBuilder.Entity<DueVisit>(due =>
        {
            due.ToTable("due_visits");
            due.HasKey(d => d.Id);
            due.Property(d => d.Id).ValueGeneratedNever();
            due.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            due.Property(d => d.Name).HasMaxLength(VisitPlan.NameMaxLength);
            due.Property(d => d.Period).HasMaxLength(16);
            due.Property(d => d.AssigneeName).HasMaxLength(Actor.NameMaxLength);
            // Generating twice, even at once, makes one due visit per subject and period.
            due.HasIndex(d => new { d.PlanId, d.SubjectId, d.Period }).IsUnique();
            due.HasIndex(d => new { d.PropertyId, d.DueBy });
            due.HasOne<VisitPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
            // Two visits recorded against one due visit at once: one wins, the other gets 409.
            due.Property<uint>("xmin").IsRowVersion();
        });

        modelBuilder.Entity<Survey>(survey =>
        {
            survey.ToTable("surveys");
            survey.HasKey(s => s.Id);
            survey.Property(s => s.Id).ValueGeneratedNever();
            survey.Property(s => s.Title).HasMaxLength(Survey.TitleMaxLength);
            survey.Property(s => s.CreatedByName).HasMaxLength(Actor.NameMaxLength);
            survey.HasIndex(s => s.PropertyId);
            survey.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SurveyQuestion>(question =>
        {
            question.ToTable("survey_questions");
            question.HasKey(q => q.Id);
            question.Property(q => q.Id).ValueGeneratedNever();
            question.HasIndex(q => new { q.SurveyId, q.Sequence }).IsUnique();
            question.Property(q => q.Text).HasMaxLength(Survey.QuestionMaxLength);
            question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<VisitFeedbackItem>(item =>
        {
            item.ToTable("visit_feedback_items");
            item.HasKey(i => i.Id);
            item.Property(i => i.Id).ValueGeneratedNever();
            item.HasIndex(i => new { i.VisitId, i.Sequence }).IsUnique();
            item.Property(i => i.Text).HasMaxLength(FollowUpVisit.TextMaxLength);
            item.Property(i => i.Resolution).HasMaxLength(FollowUpVisit.TextMaxLength);
            item.Property(i => i.HandledByName).HasMaxLength(Actor.NameMaxLength);
        });

        modelBuilder.Entity<Occupancy>(occupancy =>
        {
            occupancy.HasKey(o => o.Id);
            occupancy.Property(o => o.Id).ValueGeneratedNever();
            occupancy.HasIndex(o => new { o.PropertyId, o.UnitId });
        });

        modelBuilder.Entity<Suggestion>(suggestion =>
        {
            suggestion.HasKey(s => s.Id);
            suggestion.Property(s => s.Id).ValueGeneratedNever();
            suggestion.Property(s => s.Number).HasMaxLength(32);
            suggestion.HasIndex(s => new { s.PropertyId, s.Number }).IsUnique();
            suggestion.HasIndex(s => new { s.PropertyId, s.SubmittedAt });
            suggestion.Property(s => s.Title).HasMaxLength(Suggestion.TitleMaxLength);
            suggestion.Property(s => s.Content).HasMaxLength(Suggestion.TextMaxLength);
            suggestion.Property(s => s.SuggesterName).HasMaxLength(Complaint.NameMaxLength);
            suggestion.Property(s => s.SuggesterPhone).HasMaxLength(Complaint.PhoneMaxLength);
            suggestion.Property(s => s.SubmittedByName).HasMaxLength(Actor.NameMaxLength);
            suggestion.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            suggestion.Property(s => s.DecisionReason).HasMaxLength(Suggestion.ReasonMaxLength);
            suggestion.Property(s => s.DecidedByName).HasMaxLength(Actor.NameMaxLength);
            suggestion.Property(s => s.Plan).HasMaxLength(Suggestion.TextMaxLength);
            suggestion.Property(s => s.PlanPublishedByName).HasMaxLength(Actor.NameMaxLength);
            suggestion.Property<uint>("xmin").IsRowVersion();
            suggestion.HasOne<UnitCopy>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.ApplyDailyCounters();
    }
}
